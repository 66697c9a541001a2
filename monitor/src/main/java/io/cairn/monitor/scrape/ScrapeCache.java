package io.cairn.monitor.scrape;

import io.cairn.monitor.textparse.MetricType;
import io.cairn.monitor.textparse.Parser;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One target's memory between scrapes, as Prometheus's {@code scrapeCache}: the exposed series text
 * (metric name and braces, byte for byte) to series ref and stored labels, so that neither label
 * parsing nor relabelling runs for a series seen before; exposed series that relabelling dropped;
 * the refs of the report series; and the series of the previous and current scrape for staleness.
 * Two spellings of the same labels (other order, other blanks) are two entries with the same
 * stored labels, as in Prometheus.
 *
 * <p>Bounded as Prometheus bounds it: after each successful, non-empty scrape every entry not seen
 * in it is removed; after failed ones, a cache grown beyond twice the last good size plus 1,000 is
 * flushed the same way. Owned by one loop thread at a time (handed over on a loop restart).
 *
 * <p>It also keeps the metric metadata ({@code # TYPE}, {@code # HELP}, {@code # UNIT}) of the
 * target, as Prometheus's cache does: a family's entry stays until a flush finds it unseen for more
 * than {@value #METADATA_KEEP_SCRAPES} scrapes; at most {@value #MAX_METADATA} families per target
 * (metadata of further families is not kept until flushes make room). The metadata is readable
 * from any thread ({@link TargetMetadata}).
 */
final class ScrapeCache implements TargetMetadata {
  /** Scrapes a family's metadata outlives its last TYPE/HELP/UNIT line (Prometheus's 10). */
  static final int METADATA_KEEP_SCRAPES = 10;
  /** Most metadata families kept per target. */
  static final int MAX_METADATA = 10_000;

  /**
   * A cached series: its ref in the appendable and its stored labels, or (lset null) an exposed
   * series that relabelling dropped.
   */
  static final class Entry {
    long ref;
    final Labels lset;
    long lastIter;

    Entry(long ref, Labels lset, long iter) {
      this.ref = ref;
      this.lset = lset;
      this.lastIter = iter;
    }

    boolean dropped() {
      return lset == null;
    }
  }

  /** Exposed series bytes (metric name and braces, as the target wrote them), as Prometheus keys its cache. */
  private static final class Key {
    final byte[] bytes;
    final int hash;

    Key(byte[] bytes, int hash) {
      this.bytes = bytes;
      this.hash = hash;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }
  }

  /** Looks the parser's current series line up without copying its bytes (HashMap calls probe.equals(key)). */
  private static final class Probe {
    Parser parser;
    int hash;

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && parser.seriesKeyEquals(k.bytes);
    }
  }

  private final Map<Object, Entry> series = new HashMap<>();
  private final Probe probe = new Probe();
  private final Map<String, Long> reportRefs = new HashMap<>();
  private Set<Labels> seriesCur = new HashSet<>();
  private Set<Labels> seriesPrev = new HashSet<>();
  private final Map<String, Meta> metadata = new ConcurrentHashMap<>();
  private volatile long iter;
  private int successfulCount;

  private record Meta(MetricType type, String help, String unit, long lastIter) {}

  /**
   * The cached series (or dropped mark) of the parser's current series line, marking it seen in
   * this scrape; null if the line is new.
   */
  Entry get(Parser p) {
    probe.parser = p;
    probe.hash = p.seriesKeyHash();
    Entry e = series.get(probe);
    probe.parser = null;
    if (e != null) {
      e.lastIter = iter;
    }
    return e;
  }

  /** Caches the parser's current series line: its ref and stored labels, or null labels if dropped. */
  void add(Parser p, long ref, Labels lset) {
    byte[] key = p.seriesKey();
    series.put(new Key(key, Arrays.hashCode(key)), new Entry(ref, lset, iter));
  }

  long reportRef(String name) {
    return reportRefs.getOrDefault(name, 0L);
  }

  void setReportRef(String name, long ref) {
    reportRefs.put(name, ref);
  }

  /** Records that these stored labels got a sample without explicit timestamp in this scrape. */
  void trackStaleness(Labels lset) {
    seriesCur.add(lset);
  }

  /** Each series of the previous scrape that this scrape did not track. */
  void forEachStale(Consumer<Labels> f) {
    for (Labels l : seriesPrev) {
      if (!seriesCur.contains(l)) {
        f.accept(l);
      }
    }
  }

  /** The series tracked in the last finished scrape (for the end-of-run markers). */
  Set<Labels> previous() {
    return seriesPrev;
  }

  /** Forgets what the current (failed) scrape tracked, so a following empty append marks all stale. */
  void resetCurrent() {
    seriesCur.clear();
  }

  /** Ends a scrape; {@code flush} after a successful non-empty one. */
  void iterDone(boolean flush) {
    int count = series.size();
    if (flush) {
      successfulCount = count;
    } else if (count > successfulCount * 2L + 1000) {
      flush = true;
    }
    if (flush) {
      series.values().removeIf(e -> e.lastIter != iter);
      long now = iter;
      metadata.values().removeIf(m -> now - m.lastIter > METADATA_KEEP_SCRAPES);
    }
    Set<Labels> t = seriesPrev;
    seriesPrev = seriesCur;
    seriesCur = t;
    seriesCur.clear();
    iter++;
  }

  void setType(String metric, MetricType type) {
    Meta m = meta(metric);
    if (m != null) {
      metadata.put(metric, new Meta(type, m.help, m.unit, iter));
    }
  }

  void setHelp(String metric, String help) {
    Meta m = meta(metric);
    if (m != null) {
      metadata.put(metric, new Meta(m.type, help, m.unit, iter));
    }
  }

  void setUnit(String metric, String unit) {
    Meta m = meta(metric);
    if (m != null) {
      metadata.put(metric, new Meta(m.type, m.help, unit, iter));
    }
  }

  /** The current entry or a fresh unknown one; null when the bound leaves no room. */
  private Meta meta(String metric) {
    Meta m = metadata.get(metric);
    if (m == null && metadata.size() >= MAX_METADATA) {
      return null;
    }
    return m != null ? m : new Meta(MetricType.UNKNOWN, "", "", iter);
  }

  @Override
  public List<MetricMetadata> list() {
    List<MetricMetadata> out = new ArrayList<>(metadata.size());
    metadata.forEach((k, m) -> out.add(new MetricMetadata(k, m.type, m.help, m.unit)));
    return out;
  }

  @Override
  public Optional<MetricMetadata> get(String metric) {
    Meta m = metadata.get(metric);
    return m == null ? Optional.empty() : Optional.of(new MetricMetadata(metric, m.type, m.help, m.unit));
  }

  int size() {
    return series.size();
  }
}
