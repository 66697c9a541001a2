package io.cairn.promql.engine;

import io.cairn.tsdb.model.Labels;
import java.util.Arrays;

/**
 * A series during evaluation: labels and growable arrays of points in increasing time order. Used
 * both for step results (one point per evaluation step at most) and for raw samples read from
 * storage. Mutable, confined to one query.
 */
final class StepSeries {
  Labels labels;
  long[] ts;
  double[] vs;
  int n;

  StepSeries(Labels labels, int capacity) {
    this.labels = labels;
    this.ts = new long[Math.max(capacity, 1)];
    this.vs = new double[Math.max(capacity, 1)];
  }

  void add(long t, double v) {
    if (n == ts.length) {
      ts = Arrays.copyOf(ts, n * 2);
      vs = Arrays.copyOf(vs, n * 2);
    }
    ts[n] = t;
    vs[n] = v;
    n++;
  }

  /** The index of the first point at or after {@code t} (n if none). */
  int lowerBound(long t) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The index of the first point after {@code t} (n if none). */
  int upperBound(long t) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
