package io.cairn.monitor.scrape;

import java.time.Duration;
import java.util.Objects;

/**
 * Prometheus's scrape timestamp alignment ({@code --scrape.adjust-timestamps}, {@code
 * --scrape.timestamp-tolerance}): a scrape that starts within {@code tolerance} of its intended
 * tick is stamped with the tick itself, so a series' timestamps stay exactly one interval apart and
 * their delta-of-delta encoding costs one bit instead of one to two bytes (prometheus#7846). Only
 * for intervals longer than 100 × the tolerance, as in Prometheus.
 *
 * @param enabled whether timestamps are aligned at all
 * @param tolerance how far after its tick a scrape may start and still be aligned; not negative
 */
public record TimestampAlignment(boolean enabled, Duration tolerance) {
  /** Prometheus 2.42's defaults: aligned, 2 ms. */
  public static final TimestampAlignment DEFAULT = new TimestampAlignment(true, Duration.ofMillis(2));

  public TimestampAlignment {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("timestamp tolerance must not be negative, got " + tolerance);
    }
  }

  /** Whether scrapes at {@code interval} are aligned. */
  boolean appliesTo(Duration interval) {
    return enabled && interval.compareTo(tolerance.multipliedBy(100)) > 0;
  }
}
