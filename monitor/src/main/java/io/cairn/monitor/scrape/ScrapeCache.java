package io.cairn.monitor.scrape;

import io.cairn.monitor.textparse.MetricType;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One target's memory between scrapes, as Prometheus's {@code scrapeCache}: exposed labels to
 * series ref and stored labels (so relabelling runs once per series, not per sample), exposed
 * labels that relabelling dropped, the refs of the report series, and the series of the previous
 * and current scrape for staleness.
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

  /** A cached series: its ref in the appendable and its stored labels. */
  static final class Entry {
    long ref;
    final Labels lset;
    long lastIter;

    Entry(long ref, Labels lset, long iter) {
      this.ref = ref;
      this.lset = lset;
      this.lastIter = iter;
    }
  }

  private final Map<Labels, Entry> series = new HashMap<>();
  private final Map<Labels, Long> dropped = new HashMap<>();
  private final Map<String, Long> reportRefs = new HashMap<>();
  private Set<Labels> seriesCur = new HashSet<>();
  private Set<Labels> seriesPrev = new HashSet<>();
  private final Map<String, Meta> metadata = new ConcurrentHashMap<>();
  private volatile long iter;
  private int successfulCount;

  private record Meta(MetricType type, String help, String unit, long lastIter) {}

  /** The cached series for these exposed labels (marking it seen in this scrape), or null. */
  Entry get(Labels exposed) {
    Entry e = series.get(exposed);
    if (e != null) {
      e.lastIter = iter;
    }
    return e;
  }

  void add(Labels exposed, long ref, Labels lset) {
    series.put(exposed, new Entry(ref, lset, iter));
  }

  boolean isDropped(Labels exposed) {
    Long seen = dropped.computeIfPresent(exposed, (k, v) -> iter);
    return seen != null;
  }

  void addDropped(Labels exposed) {
    dropped.put(exposed, iter);
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
    int count = series.size() + dropped.size();
    if (flush) {
      successfulCount = count;
    } else if (count > successfulCount * 2L + 1000) {
      flush = true;
    }
    if (flush) {
      series.values().removeIf(e -> e.lastIter != iter);
      dropped.values().removeIf(seen -> seen != iter);
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
    return series.size() + dropped.size();
  }
}
