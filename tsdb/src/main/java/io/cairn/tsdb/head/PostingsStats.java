package io.cairn.tsdb.head;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cardinality statistics of the head's index, as Prometheus's {@code index.PostingsStats} (for
 * {@code /api/v1/status/tsdb}). Each list holds the {@value #TOP} largest entries, largest first;
 * ties are ordered by name (Prometheus's order among ties is a map's order).
 *
 * @param numLabelPairs distinct label name/value pairs
 * @param seriesCountByMetricName series per value of the label asked for (the metric name)
 * @param labelValueCountByLabelName distinct values per label name
 * @param memoryInBytesByLabelName summed byte length of each label name's distinct values
 * @param seriesCountByLabelValuePair series per {@code name=value} pair
 */
public record PostingsStats(
    long numLabelPairs,
    List<Stat> seriesCountByMetricName,
    List<Stat> labelValueCountByLabelName,
    List<Stat> memoryInBytesByLabelName,
    List<Stat> seriesCountByLabelValuePair) {
  /** Entries per list (Prometheus's {@code maxNumOfRecords}). */
  public static final int TOP = 10;

  /** One entry: a name and its count. */
  public record Stat(String name, long value) {}

  /** Collects the {@value #TOP} largest stats. */
  static final class Top {
    private final List<Stat> all = new ArrayList<>();

    void add(String name, long value) {
      all.add(new Stat(name, value));
    }

    List<Stat> get() {
      all.sort(Comparator.comparingLong(Stat::value).reversed().thenComparing(Stat::name));
      return List.copyOf(all.subList(0, Math.min(TOP, all.size())));
    }
  }
}
