package io.cairn.monitor.scrape;

import io.cairn.tsdb.storage.Appendable;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All scrape pools, one per job, as Prometheus's {@code scrape.Manager}: the glue calls {@link
 * #sync} with each job's targets whenever discovery or configuration changes, and {@link
 * #removeJob} for jobs gone from the configuration. Registers the {@code prometheus_target_*}
 * metrics in the registry given (once per registry). Thread-safe.
 */
public final class ScrapeManager implements AutoCloseable {
  private final Appendable appendable;
  private final ScrapeMetrics metrics;
  private final long jitterSeed;
  private final TimestampAlignment alignment;
  private final Map<String, ScrapePool> pools = new LinkedHashMap<>();
  private boolean closed;

  /** A manager with jitter seed 0 (offsets depend only on the targets) and Prometheus's alignment. */
  public ScrapeManager(Appendable appendable, PrometheusRegistry registry) {
    this(appendable, registry, 0, TimestampAlignment.DEFAULT);
  }

  /**
   * @param jitterSeed mixed into every target's offset (Prometheus derives it from the hostname and
   *     external labels, so that several servers scraping one target spread out)
   * @param alignment how scrape timestamps are snapped to the intended schedule
   */
  public ScrapeManager(Appendable appendable, PrometheusRegistry registry, long jitterSeed, TimestampAlignment alignment) {
    this.appendable = Objects.requireNonNull(appendable, "appendable");
    this.metrics = new ScrapeMetrics(Objects.requireNonNull(registry, "registry"));
    this.jitterSeed = jitterSeed;
    this.alignment = Objects.requireNonNull(alignment, "alignment");
  }

  /**
   * Makes {@code job}'s loops match {@code active} (see {@link ScrapePool}); {@code dropped} is
   * only remembered for the targets API. Returns once vanished loops have written their stale
   * markers and new loops have started. A target's {@code job} label may differ from {@code job}
   * (relabelling may change it); {@code job} names the pool, as Prometheus's scrape config name.
   */
  public void sync(String job, List<ScrapeTarget> active, List<DroppedTarget> dropped) throws InterruptedException {
    ScrapePool pool;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("scrape manager is closed");
      }
      pool = pools.computeIfAbsent(job, j -> new ScrapePool(j, appendable, metrics, jitterSeed, alignment));
    }
    pool.sync(active, dropped);
  }

  /** {@link #sync(String, List, List)} without dropped targets. */
  public void sync(String job, List<ScrapeTarget> active) throws InterruptedException {
    sync(job, active, List.of());
  }

  /** Stops every loop of {@code job} (with stale markers) and forgets the job. */
  public void removeJob(String job) throws InterruptedException {
    ScrapePool pool;
    synchronized (this) {
      pool = pools.remove(job);
    }
    if (pool != null) {
      pool.stop();
    }
  }

  public synchronized List<String> jobs() {
    return List.copyOf(pools.keySet());
  }

  /** Every job's scraped targets with their health, for {@code /api/v1/targets}. */
  public Map<String, List<ActiveTarget>> activeTargets() {
    Map<String, List<ActiveTarget>> out = new LinkedHashMap<>();
    for (var e : snapshot().entrySet()) {
      out.put(e.getKey(), e.getValue().activeTargets());
    }
    return out;
  }

  /** Every job's dropped targets, for {@code /api/v1/targets?state=dropped}. */
  public Map<String, List<DroppedTarget>> droppedTargets() {
    Map<String, List<DroppedTarget>> out = new LinkedHashMap<>();
    for (var e : snapshot().entrySet()) {
      out.put(e.getKey(), e.getValue().droppedTargets());
    }
    return out;
  }

  private synchronized Map<String, ScrapePool> snapshot() {
    return new LinkedHashMap<>(pools);
  }

  ScrapePool pool(String job) {
    return snapshot().get(job);
  }

  /** Stops every loop of every job, with stale markers. */
  @Override
  public void close() throws InterruptedException {
    List<ScrapePool> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(pools.values());
      pools.clear();
    }
    for (ScrapePool p : all) {
      p.stop();
    }
  }
}
