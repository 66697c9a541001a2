package io.cairn.promql.engine;

/**
 * The functions over a range argument, one window at a time, as Prometheus 2.42's
 * {@code functions.go}: rates with {@code extrapolatedRate}, {@code *_over_time}, {@code deriv},
 * {@code predict_linear}, {@code holt_winters}, {@code changes}, {@code resets}. Each returns the
 * step's value, or null for none.
 */
final class RangeFunctions {
  private RangeFunctions() {}

  /**
   * One step's window: points {@code [from, to)} of the arrays (never empty), the window
   * {@code [rangeStart, rangeEnd]}, the selector's range and the evaluation time.
   */
  record Window(long[] t, double[] v, int from, int to, long rangeStart, long rangeEnd, long range, long ts) {
    int size() {
      return to - from;
    }

    double first() {
      return v[from];
    }

    double last() {
      return v[to - 1];
    }
  }

  /** {@code scalars[i]} is argument i's value at this step when argument i is a scalar. */
  static Double apply(String name, Window w, double[] scalars) {
    return switch (name) {
      case "rate" -> extrapolatedRate(w, true, true);
      case "increase" -> extrapolatedRate(w, true, false);
      case "delta" -> extrapolatedRate(w, false, false);
      case "irate" -> instantValue(w, true);
      case "idelta" -> instantValue(w, false);
      case "deriv" -> w.size() < 2 ? null : Regression.fit(w, w.t()[w.from()])[0];
      case "predict_linear" -> {
        if (w.size() < 2) {
          yield null;
        }
        double[] si = Regression.fit(w, w.ts());
        yield si[0] * scalars[1] + si[1];
      }
      case "holt_winters" -> holtWinters(w, scalars[1], scalars[2]);
      case "changes" -> changes(w, false);
      case "resets" -> changes(w, true);
      case "avg_over_time" -> OverTime.avg(w);
      case "count_over_time" -> (double) w.size();
      case "sum_over_time" -> OverTime.sum(w);
      case "min_over_time" -> OverTime.min(w);
      case "max_over_time" -> OverTime.max(w);
      case "last_over_time" -> w.last();
      case "present_over_time", "absent_over_time" -> 1.0;
      case "stddev_over_time" -> Math.sqrt(OverTime.variance(w));
      case "stdvar_over_time" -> OverTime.variance(w);
      case "quantile_over_time" -> {
        double[] vals = new double[w.size()];
        System.arraycopy(w.v(), w.from(), vals, 0, vals.length);
        yield Quantiles.quantile(scalars[0], vals);
      }
      default -> throw new QueryException(QueryException.ErrorType.INTERNAL, "function " + name + " does not take a range vector");
    };
  }

  private static Double extrapolatedRate(Window w, boolean counter, boolean rate) {
    if (w.size() < 2) {
      return null;
    }
    double result = w.last() - w.first();
    if (counter) {
      double prev = w.first();
      for (int i = w.from() + 1; i < w.to(); i++) {
        double cur = w.v()[i];
        if (cur < prev) {
          result += prev;
        }
        prev = cur;
      }
    }
    long firstT = w.t()[w.from()];
    long lastT = w.t()[w.to() - 1];
    double durationToStart = (firstT - w.rangeStart()) / 1000.0;
    double durationToEnd = (w.rangeEnd() - lastT) / 1000.0;
    double sampled = (lastT - firstT) / 1000.0;
    double avgBetween = sampled / (w.size() - 1);
    if (counter && result > 0 && w.first() >= 0) {
      double durationToZero = sampled * (w.first() / result);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    double threshold = avgBetween * 1.1;
    double extrapolateTo = sampled;
    extrapolateTo += durationToStart < threshold ? durationToStart : avgBetween / 2;
    extrapolateTo += durationToEnd < threshold ? durationToEnd : avgBetween / 2;
    double factor = extrapolateTo / sampled;
    if (rate) {
      factor /= w.range() / 1000.0;
    }
    return result * factor;
  }

  private static Double instantValue(Window w, boolean rate) {
    if (w.size() < 2) {
      return null;
    }
    double last = w.last();
    double prev = w.v()[w.to() - 2];
    double result = rate && last < prev ? last : last - prev;
    long interval = w.t()[w.to() - 1] - w.t()[w.to() - 2];
    if (interval == 0) {
      return null;
    }
    if (rate) {
      result /= interval / 1000.0;
    }
    return result;
  }

  private static Double holtWinters(Window w, double sf, double tf) {
    if (sf <= 0 || sf >= 1) {
      throw QueryException.execution("invalid smoothing factor. Expected: 0 < sf < 1, got: " + String.format(java.util.Locale.ROOT, "%f", sf));
    }
    if (tf <= 0 || tf >= 1) {
      throw QueryException.execution("invalid trend factor. Expected: 0 < tf < 1, got: " + String.format(java.util.Locale.ROOT, "%f", tf));
    }
    int l = w.size();
    if (l < 2) {
      return null;
    }
    double s0 = 0;
    double s1 = w.first();
    double b = w.v()[w.from() + 1] - w.first();
    for (int i = 1; i < l; i++) {
      double x = sf * w.v()[w.from() + i];
      if (i - 1 != 0) {
        b = tf * (s1 - s0) + (1 - tf) * b;
      }
      double y = (1 - sf) * (s1 + b);
      s0 = s1;
      s1 = x + y;
    }
    return s1;
  }

  private static Double changes(Window w, boolean resets) {
    int n = 0;
    double prev = w.first();
    for (int i = w.from() + 1; i < w.to(); i++) {
      double cur = w.v()[i];
      if (resets ? cur < prev : cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev))) {
        n++;
      }
      prev = cur;
    }
    return (double) n;
  }
}
