package io.cairn.gateway.middleware;

/**
 * A token bucket's parameters as Traefik computes them from {@code average}, {@code period} and
 * {@code burst}: {@code ratePerSecond = average / period}; {@code burst} at least 1; the longest
 * delay a request may be held is 0.5s when the rate is below 1/s, else {@code 1s / (2 ·
 * floor(rate))}; an idle bucket is forgotten after {@code ttlNanos} (1s + 1s when the rate is at
 * least 1/s, else 1s + floor(1/rate) s).
 */
public record RateLimitSpec(double ratePerSecond, long burst, long maxDelayNanos, long ttlNanos) {
  static final long SECOND = 1_000_000_000L;

  public RateLimitSpec {
    if (!(ratePerSecond > 0) || burst < 1 || maxDelayNanos < 0 || ttlNanos <= 0) {
      throw new IllegalArgumentException("expected rate > 0, burst >= 1, maxDelay >= 0 and ttl > 0, got rate "
          + ratePerSecond + ", burst " + burst + ", maxDelay " + maxDelayNanos + ", ttl " + ttlNanos);
    }
  }

  static RateLimitSpec of(long average, java.time.Duration period, long burst) {
    long periodNanos = period.isZero() ? SECOND : period.toNanos();
    double rate = (double) average * SECOND / periodNanos;
    long maxDelay = rate < 1 ? SECOND / 2 : SECOND / ((long) rate * 2);
    long ttl = SECOND + (rate >= 1 ? SECOND : (long) (1 / rate) * SECOND);
    return new RateLimitSpec(rate, Math.max(1, burst), maxDelay, ttl);
  }
}
