package io.cairn.gateway.middleware;

/**
 * A circuit-breaker condition, Traefik's (oxy cbreaker's) expression language as a tree:
 * comparisons of a metric with a number joined by {@code &&} and {@code ||}. Parse with {@link
 * CbParser#parse}. Immutable.
 */
sealed interface CbExpression {
  /** What a condition reads: the breaker's rolling metrics. */
  interface Metrics {
    double networkErrorRatio();

    double responseCodeRatio(int startA, int endA, int startB, int endB);

    /** Latency at {@code quantile} (percent, 0–100) in whole milliseconds. */
    long latencyAtQuantileMs(double quantile);
  }

  boolean test(Metrics m);

  record Or(CbExpression left, CbExpression right) implements CbExpression {
    public boolean test(Metrics m) {
      return left.test(m) || right.test(m);
    }
  }

  record And(CbExpression left, CbExpression right) implements CbExpression {
    public boolean test(Metrics m) {
      return left.test(m) && right.test(m);
    }
  }

  /** {@code metric op value}, op one of {@code == != < <= > >=}. */
  record Compare(Metric metric, String op, double value) implements CbExpression {
    public boolean test(Metrics m) {
      double v = metric.read(m);
      return switch (op) {
        case "==" -> v == value;
        case "!=" -> v != value;
        case "<" -> v < value;
        case "<=" -> v <= value;
        case ">" -> v > value;
        case ">=" -> v >= value;
        default -> throw new IllegalStateException("unknown operator " + op);
      };
    }
  }

  sealed interface Metric {
    double read(Metrics m);
  }

  record NetworkErrorRatio() implements Metric {
    public double read(Metrics m) {
      return m.networkErrorRatio();
    }
  }

  record ResponseCodeRatio(int startA, int endA, int startB, int endB) implements Metric {
    public double read(Metrics m) {
      return m.responseCodeRatio(startA, endA, startB, endB);
    }
  }

  record LatencyAtQuantileMs(double quantile) implements Metric {
    public double read(Metrics m) {
      return m.latencyAtQuantileMs(quantile);
    }
  }
}
