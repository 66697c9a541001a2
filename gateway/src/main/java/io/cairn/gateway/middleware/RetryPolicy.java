package io.cairn.gateway.middleware;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The {@code retry} middleware, as a value the proxy reads ({@link Chain#retryPolicy()}): Traefik
 * retries a request whose upstream failed at the network level before any response byte was
 * written, up to {@code attempts} tries in all, waiting between tries as Traefik's exponential
 * back-off (cenkalti/backoff with {@code multiplier = 2^(1/(attempts-1))}, so the interval reaches
 * twice the initial one at the last try, randomization factor 0.5, no back-off when {@code
 * attempts < 2} or the interval is 0). Passes requests through unchanged.
 */
public record RetryPolicy(int attempts, Duration initialInterval) implements Middleware {
  static final double RANDOMIZATION = 0.5;
  static final Duration MAX_INTERVAL = Duration.ofSeconds(60);

  public RetryPolicy {
    Objects.requireNonNull(initialInterval, "initialInterval");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be 1 or more, got " + attempts);
    }
  }

  /** Growth factor between intervals; 1 when there is no back-off. */
  public double multiplier() {
    return attempts < 2 ? 1 : Math.pow(2, 1.0 / (attempts - 1));
  }

  /**
   * The wait before retry number {@code retry} (1 = the second try), drawn in {@code [i·(1-0.5),
   * i·(1+0.5)]} around {@code i = initialInterval · multiplier^(retry-1)} (capped at 60s).
   */
  public Duration backoff(int retry, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be 1 or more, got " + retry);
    }
    if (attempts < 2 || initialInterval.isZero() || initialInterval.isNegative()) {
      return Duration.ZERO;
    }
    double interval = Math.min(
        initialInterval.toNanos() * Math.pow(multiplier(), retry - 1), MAX_INTERVAL.toNanos());
    double delta = RANDOMIZATION * interval;
    double min = interval - delta;
    double max = interval + delta;
    return Duration.ofNanos((long) (min + random.nextDouble() * (max - min + 1)));
  }

  @Override
  public Outcome onRequest(Exchange exchange) {
    return Outcome.CONTINUE;
  }
}
