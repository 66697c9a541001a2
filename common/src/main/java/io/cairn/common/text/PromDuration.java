package io.cairn.common.text;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration in Prometheus's notation ({@code model.Duration} of prometheus/common): a sequence of
 * {@code <integer><unit>} in the fixed order y, w, d, h, m, s, ms, each unit at most once, e.g.
 * {@code 1h30m}, {@code 5s}, {@code 100ms}, {@code 1d}, {@code 2w}, {@code 1y}. A year is 365 days,
 * a week 7 days. {@code "0"} is the only unitless value; the empty string is an error. The value
 * must fit Go's {@code time.Duration} (about 292 years of nanoseconds). Millisecond precision.
 *
 * @param millis the length in milliseconds, never negative
 */
public record PromDuration(long millis) implements Comparable<PromDuration> {
  private static final Pattern FORMAT =
      Pattern.compile("^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$");
  private static final long[] UNIT_MS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
  };
  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long MAX_NANOS = Long.MAX_VALUE;

  public static final PromDuration ZERO = new PromDuration(0);

  public PromDuration {
    if (millis < 0) {
      throw new IllegalArgumentException("a duration cannot be negative: " + millis + "ms");
    }
  }

  public static PromDuration ofSeconds(long s) {
    return new PromDuration(s * 1000);
  }

  public static PromDuration ofMinutes(long m) {
    return new PromDuration(m * 60_000);
  }

  /**
   * Parses as Prometheus's {@code model.ParseDuration}.
   *
   * @throws IllegalArgumentException with Prometheus's message: {@code empty duration string},
   *     {@code not a valid duration string: "1x"} or {@code duration out of range}
   */
  public static PromDuration parse(String s) {
    if (s.equals("0")) {
      return ZERO;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    Matcher m = FORMAT.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a valid duration string: \"" + s + "\"");
    }
    long totalMs = 0;
    for (int i = 0; i < UNITS.length; i++) {
      String digits = m.group(2 * i + 2);
      if (digits == null) {
        continue;
      }
      long n;
      try {
        n = Long.parseLong(digits);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("duration out of range");
      }
      // as Go: n must not exceed MaxInt64 / mult / 1ms, and the running sum must stay positive
      if (n > MAX_NANOS / UNIT_MS[i] / 1_000_000L) {
        throw new IllegalArgumentException("duration out of range");
      }
      totalMs += n * UNIT_MS[i];
      if (totalMs > MAX_NANOS / 1_000_000L) {
        throw new IllegalArgumentException("duration out of range");
      }
    }
    return new PromDuration(totalMs);
  }

  /** As Prometheus's {@code Duration.String}: years and weeks only when exact, e.g. {@code 1d1h}. */
  @Override
  public String toString() {
    if (millis == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long ms = millis;
    for (int i = 0; i < UNITS.length; i++) {
      boolean exactOnly = i < 2;
      if (exactOnly && ms % UNIT_MS[i] != 0) {
        continue;
      }
      long v = ms / UNIT_MS[i];
      if (v > 0) {
        sb.append(v).append(UNITS[i]);
        ms -= v * UNIT_MS[i];
      }
    }
    return sb.toString();
  }

  public Duration toDuration() {
    return Duration.ofMillis(millis);
  }

  public boolean isZero() {
    return millis == 0;
  }

  @Override
  public int compareTo(PromDuration o) {
    return Long.compare(millis, o.millis);
  }
}
