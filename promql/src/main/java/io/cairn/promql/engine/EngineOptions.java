package io.cairn.promql.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's limits, as Prometheus's {@code promql.EngineOpts} and the {@code query.*} flags.
 *
 * @param lookbackDelta how far back an instant selector looks for a sample (Prometheus
 *     {@code query.lookback-delta}, 5m)
 * @param maxSamples the most samples one query may hold in memory at once ({@code query.max-samples},
 *     50,000,000); exceeding it fails the query with {@code execution}
 * @param timeout how long a query may run, queueing included ({@code query.timeout}, 2m)
 * @param maxConcurrentQueries how many queries run at once; the rest queue ({@code query.max-concurrency}, 20)
 * @param subqueryDefaultStep the step of a subquery written without one (the global evaluation
 *     interval, 1m)
 */
public record EngineOptions(
    Duration lookbackDelta, long maxSamples, Duration timeout, int maxConcurrentQueries, Duration subqueryDefaultStep) {
  public EngineOptions {
    Objects.requireNonNull(lookbackDelta, "lookbackDelta");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(subqueryDefaultStep, "subqueryDefaultStep");
    if (lookbackDelta.isNegative() || lookbackDelta.isZero()) {
      throw new IllegalArgumentException("lookbackDelta must be positive, got " + lookbackDelta);
    }
    if (maxSamples < 1) {
      throw new IllegalArgumentException("maxSamples must be at least 1, got " + maxSamples);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (maxConcurrentQueries < 1) {
      throw new IllegalArgumentException("maxConcurrentQueries must be at least 1, got " + maxConcurrentQueries);
    }
    if (subqueryDefaultStep.toMillis() < 1) {
      throw new IllegalArgumentException("subqueryDefaultStep must be at least 1ms, got " + subqueryDefaultStep);
    }
  }

  /** Prometheus's defaults: 5m lookback, 50,000,000 samples, 2m timeout, 20 queries, 1m subquery step. */
  public static EngineOptions defaults() {
    return new EngineOptions(Duration.ofMinutes(5), 50_000_000, Duration.ofMinutes(2), 20, Duration.ofMinutes(1));
  }

  public EngineOptions withLookbackDelta(Duration d) {
    return new EngineOptions(d, maxSamples, timeout, maxConcurrentQueries, subqueryDefaultStep);
  }

  public EngineOptions withMaxSamples(long n) {
    return new EngineOptions(lookbackDelta, n, timeout, maxConcurrentQueries, subqueryDefaultStep);
  }

  public EngineOptions withTimeout(Duration d) {
    return new EngineOptions(lookbackDelta, maxSamples, d, maxConcurrentQueries, subqueryDefaultStep);
  }

  public EngineOptions withMaxConcurrentQueries(int n) {
    return new EngineOptions(lookbackDelta, maxSamples, timeout, n, subqueryDefaultStep);
  }

  public EngineOptions withSubqueryDefaultStep(Duration d) {
    return new EngineOptions(lookbackDelta, maxSamples, timeout, maxConcurrentQueries, d);
  }
}
