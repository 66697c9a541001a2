package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.Appendable;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scrape loops of one job, as Prometheus's {@code scrapePool}. {@link #sync} makes the running
 * loops match a target list: new targets start, vanished ones stop with stale markers, targets
 * whose settings changed restart (handing their series cache to the new loop, without stale
 * markers, when the change keeps the label mapping), and unchanged ones keep running untouched.
 * One HTTP client per distinct {@link HttpSettings}. Thread-safe (methods are synchronized; loops
 * stop in parallel).
 */
final class ScrapePool {
  private final String job;
  private final Appendable appendable;
  private final ScrapeMetrics metrics;
  private final long jitterSeed;
  private final TimestampAlignment alignment;
  private final Map<ScrapeTarget.Key, ScrapeLoop> loops = new LinkedHashMap<>();
  private final Map<ScrapeTarget.Key, Labels> discovered = new HashMap<>();
  private final Map<HttpSettings, HttpClient> clients = new HashMap<>();
  private List<DroppedTarget> dropped = List.of();

  ScrapePool(String job, Appendable appendable, ScrapeMetrics metrics, long jitterSeed, TimestampAlignment alignment) {
    this.job = job;
    this.appendable = appendable;
    this.metrics = metrics;
    this.jitterSeed = jitterSeed;
    this.alignment = alignment;
  }

  /**
   * Makes the loops match {@code targets} (duplicates by {@linkplain ScrapeTarget#key key}: the
   * first wins). Returns when vanished and restarted loops have stopped and new ones started.
   */
  synchronized void sync(List<ScrapeTarget> targets, List<DroppedTarget> droppedTargets) throws InterruptedException {
    long start = System.nanoTime();
    Map<ScrapeTarget.Key, ScrapeTarget> wanted = new LinkedHashMap<>();
    for (ScrapeTarget t : targets) {
      wanted.putIfAbsent(t.key(), t);
    }
    List<ScrapeLoop> stopping = new ArrayList<>();
    Map<ScrapeTarget.Key, ScrapeLoop> restarting = new HashMap<>();
    for (var it = loops.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      ScrapeTarget next = wanted.get(e.getKey());
      if (next == null) {
        e.getValue().requestStop(true);
        stopping.add(e.getValue());
        it.remove();
        discovered.remove(e.getKey());
      } else if (!next.sameSettings(e.getValue().target())) {
        boolean reuse = next.settings().sameSeriesMapping(e.getValue().target().settings());
        e.getValue().requestStop(!reuse);
        restarting.put(e.getKey(), e.getValue());
      }
    }
    for (ScrapeLoop l : stopping) {
      l.awaitStopped();
    }
    for (var e : wanted.entrySet()) {
      ScrapeTarget t = e.getValue();
      discovered.put(e.getKey(), t.discoveredLabels());
      ScrapeLoop old = restarting.get(e.getKey());
      if (old == null && loops.containsKey(e.getKey())) {
        continue; // unchanged: keeps running
      }
      ScrapeCache cache = new ScrapeCache();
      if (old != null) {
        old.awaitStopped();
        if (t.settings().sameSeriesMapping(old.target().settings())) {
          cache = old.cache();
        }
      }
      ScrapeLoop loop = new ScrapeLoop(t, client(t.settings().http()), appendable, cache, metrics, jitterSeed, alignment);
      loops.put(e.getKey(), loop);
      loop.start();
    }
    clients.keySet().removeIf(h -> loops.values().stream().noneMatch(l -> l.target().settings().http().equals(h)));
    dropped = List.copyOf(droppedTargets);
    metrics.poolTargets.labelValues(job).set(loops.size());
    metrics.syncLength.labelValues(job).observe((System.nanoTime() - start) / 1e9);
  }

  private HttpClient client(HttpSettings s) {
    return clients.computeIfAbsent(s, HttpClients::build);
  }

  /** Stops every loop, with stale markers. */
  synchronized void stop() throws InterruptedException {
    for (ScrapeLoop l : loops.values()) {
      l.requestStop(true);
    }
    for (ScrapeLoop l : loops.values()) {
      l.awaitStopped();
    }
    loops.clear();
    discovered.clear();
    clients.clear();
    metrics.poolTargets.labelValues(job).set(0);
  }

  synchronized List<ActiveTarget> activeTargets() {
    List<ActiveTarget> out = new ArrayList<>(loops.size());
    loops.forEach((k, l) -> {
      ActiveTarget s = l.status();
      Labels d = discovered.get(k);
      if (d != null && !d.equals(s.target().discoveredLabels())) {
        ScrapeTarget t = s.target();
        s = new ActiveTarget(new ScrapeTarget(t.labels(), d, t.url(), t.interval(), t.timeout(), t.settings()),
            s.health(), s.lastScrape(), s.lastScrapeDuration(), s.lastError(), s.metadata());
      }
      out.add(s);
    });
    return out;
  }

  synchronized List<DroppedTarget> droppedTargets() {
    return dropped;
  }

  /** The running loop of a target, for tests. */
  synchronized ScrapeLoop loop(ScrapeTarget.Key key) {
    return loops.get(key);
  }
}
