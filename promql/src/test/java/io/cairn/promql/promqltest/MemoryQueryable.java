package io.cairn.promql.promqltest;

import io.cairn.promql.storage.ArraySeries;
import io.cairn.promql.storage.Queryable;
import io.cairn.promql.storage.Series;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The test scripts' storage: series in memory, samples by time (a later load overwrites a timestamp). Not thread-safe. */
final class MemoryQueryable implements Queryable {
  private final TreeMap<Labels, TreeMap<Long, Double>> series = new TreeMap<>();

  void append(Labels labels, long t, double v) {
    series.computeIfAbsent(labels, l -> new TreeMap<>()).put(t, v);
  }

  void clear() {
    series.clear();
  }

  @Override
  public List<Series> select(long mint, long maxt, List<Matcher> matchers) {
    List<Series> out = new ArrayList<>();
    for (Map.Entry<Labels, TreeMap<Long, Double>> e : series.entrySet()) {
      if (matchers.stream().allMatch(m -> m.matches(e.getKey()))) {
        List<Sample> samples = new ArrayList<>();
        e.getValue().subMap(mint, true, maxt, true).forEach((t, v) -> samples.add(new Sample(t, v)));
        out.add(new ArraySeries(e.getKey(), samples));
      }
    }
    return out;
  }
}
