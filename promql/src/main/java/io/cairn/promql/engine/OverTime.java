package io.cairn.promql.engine;

/** The {@code *_over_time} aggregations of one window, with Prometheus's Kahan summation and NaN/Inf handling. */
final class OverTime {
  private OverTime() {}

  /** Neumaier's step: returns the new sum; {@code c[0]} accumulates the compensation. */
  static double kahanInc(double inc, double sum, double[] c) {
    double t = sum + inc;
    if (Math.abs(sum) >= Math.abs(inc)) {
      c[0] += (sum - t) + inc;
    } else {
      c[0] += (inc - t) + sum;
    }
    return t;
  }

  static double sum(RangeFunctions.Window w) {
    double sum = 0;
    double[] c = {0};
    for (int i = w.from(); i < w.to(); i++) {
      sum = kahanInc(w.v()[i], sum, c);
    }
    return Double.isInfinite(sum) ? sum : sum + c[0];
  }

  static double avg(RangeFunctions.Window w) {
    double mean = 0;
    double count = 0;
    double[] c = {0};
    for (int i = w.from(); i < w.to(); i++) {
      double v = w.v()[i];
      count++;
      if (Double.isInfinite(mean)) {
        if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
          continue;
        }
        if (!Double.isInfinite(v) && !Double.isNaN(v)) {
          continue;
        }
      }
      mean = kahanInc(v / count - mean / count, mean, c);
    }
    return Double.isInfinite(mean) ? mean : mean + c[0];
  }

  static double min(RangeFunctions.Window w) {
    double m = w.first();
    for (int i = w.from(); i < w.to(); i++) {
      double v = w.v()[i];
      if (v < m || Double.isNaN(m)) {
        m = v;
      }
    }
    return m;
  }

  static double max(RangeFunctions.Window w) {
    double m = w.first();
    for (int i = w.from(); i < w.to(); i++) {
      double v = w.v()[i];
      if (v > m || Double.isNaN(m)) {
        m = v;
      }
    }
    return m;
  }

  /** Population variance (Welford with Kahan compensation). */
  static double variance(RangeFunctions.Window w) {
    double count = 0;
    double mean = 0;
    double[] cMean = {0};
    double aux = 0;
    double[] cAux = {0};
    for (int i = w.from(); i < w.to(); i++) {
      double v = w.v()[i];
      count++;
      double delta = v - (mean + cMean[0]);
      mean = kahanInc(delta / count, mean, cMean);
      aux = kahanInc(delta * (v - (mean + cMean[0])), aux, cAux);
    }
    return (aux + cAux[0]) / count;
  }
}
