package io.cairn.promql.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code quantile} (φ-quantile of values) and {@code histogram_quantile}'s bucket interpolation, as Prometheus 2.42's {@code quantile.go}. */
final class Quantiles {
  private Quantiles() {}

  /** One classic histogram bucket: upper bound and cumulative count. */
  record Bucket(double upperBound, double count) {}

  /** The φ-quantile of {@code values} with linear interpolation; NaN for none, ±Inf for φ out of [0, 1]. */
  static double quantile(double q, double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    double[] v = values.clone();
    sortNaNFirst(v);
    double n = v.length;
    double rank = q * (n - 1);
    double lower = Math.max(0, Math.floor(rank));
    double upper = Math.min(n - 1, lower + 1);
    double weight = rank - Math.floor(rank);
    return v[(int) lower] * (1 - weight) + v[(int) upper] * weight;
  }

  private static void sortNaNFirst(double[] v) {
    int nan = 0;
    for (double d : v) {
      if (Double.isNaN(d)) {
        nan++;
      }
    }
    Arrays.sort(v); // NaN sorts last in Java
    if (nan > 0) {
      double[] copy = v.clone();
      for (int i = 0; i < nan; i++) {
        v[i] = Double.NaN;
      }
      System.arraycopy(copy, 0, v, nan, v.length - nan);
    }
  }

  /** The φ-quantile of a classic histogram given by its buckets (any order), with the monotonicity fix. */
  static double bucketQuantile(double q, List<Bucket> input) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    List<Bucket> sorted = new ArrayList<>(input);
    sorted.sort((a, b) -> Double.compare(a.upperBound(), b.upperBound()));
    if (sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    List<Bucket> b = coalesce(sorted);
    double[] counts = new double[b.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < counts.length; i++) {
      double c = b.get(i).count();
      if (c > max) {
        max = c;
      } else if (c < max) {
        c = max;
      }
      counts[i] = c;
    }
    if (b.size() < 2) {
      return Double.NaN;
    }
    double observations = counts[counts.length - 1];
    if (observations == 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    int idx = 0;
    int hi = counts.length - 1;
    while (idx < hi) { // sort.Search over [0, len-1)
      int mid = (idx + hi) >>> 1;
      if (counts[mid] >= rank) {
        hi = mid;
      } else {
        idx = mid + 1;
      }
    }
    if (idx == counts.length - 1) {
      return b.get(counts.length - 2).upperBound();
    }
    if (idx == 0 && b.get(0).upperBound() <= 0) {
      return b.get(0).upperBound();
    }
    double bucketStart = 0;
    double bucketEnd = b.get(idx).upperBound();
    double count = counts[idx];
    if (idx > 0) {
      bucketStart = b.get(idx - 1).upperBound();
      count -= counts[idx - 1];
      rank -= counts[idx - 1];
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
  }

  private static List<Bucket> coalesce(List<Bucket> sorted) {
    List<Bucket> out = new ArrayList<>(sorted.size());
    Bucket last = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      Bucket b = sorted.get(i);
      if (b.upperBound() == last.upperBound()) {
        last = new Bucket(last.upperBound(), last.count() + b.count());
      } else {
        out.add(last);
        last = b;
      }
    }
    out.add(last);
    return out;
  }
}
