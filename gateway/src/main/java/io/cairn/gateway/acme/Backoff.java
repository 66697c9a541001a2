package io.cairn.gateway.acme;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before retrying a failed issuance: {@code initial}, doubled after every further
 * failure, at most {@code max}. Default 1 minute up to 6 hours (Caddy's schedule has the same
 * bounds); Let's Encrypt allows 5 failed validations per hostname per hour, which this stays under.
 */
public record Backoff(Duration initial, Duration max) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6));

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff " + initial + ".." + max + "; expected 0 < initial <= max");
    }
  }

  /** The delay after {@code failures} consecutive failures (1 for the first). */
  public Duration delay(int failures) {
    Duration d = initial;
    for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
