package io.cairn.promql.engine;

import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code histogram_quantile} over classic histograms: buckets grouped by all labels but {@code le}. */
final class HistogramQuantile {
  private HistogramQuantile() {}

  private record Group(Labels labels, List<Quantiles.Bucket> buckets) {}

  static List<Sample> apply(double q, List<Sample> in, long ts) {
    Map<Labels, Group> groups = new LinkedHashMap<>();
    for (Sample s : in) {
      double upper;
      try {
        upper = GoMath.parseFloat(s.labels().get("le"));
      } catch (NumberFormatException e) {
        continue; // no or malformed bucket label: skipped, as Prometheus does
      }
      Labels key = s.labels().toBuilder().remove("le").build();
      Group g = groups.get(key);
      if (g == null) {
        g = new Group(key.toBuilder().remove(Labels.METRIC_NAME).build(), new ArrayList<>());
        groups.put(key, g);
      }
      g.buckets().add(new Quantiles.Bucket(upper, s.v()));
    }
    List<Sample> out = new ArrayList<>(groups.size());
    for (Group g : groups.values()) {
      out.add(new Sample(g.labels(), ts, Quantiles.bucketQuantile(q, g.buckets())));
    }
    return out;
  }
}
