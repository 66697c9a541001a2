package io.cairn.monitor.scrape;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus's {@code model.Duration} text ({@code 1m30s}, {@code 100ms}) and Go's {@code time.Duration} text. */
final class PromDuration {
  private static final Pattern PATTERN =
      Pattern.compile("^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$");
  private static final long[] UNIT_MILLIS = {
    365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000, 60_000, 1000, 1
  };
  private static final String[] UNIT_NAMES = {"y", "w", "d", "h", "m", "s", "ms"};

  private PromDuration() {}

  /** Parses as {@code model.ParseDuration}: units y w d h m s ms, in that order, or "0". */
  static Duration parse(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PATTERN.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a valid duration string: \"" + s + "\" (expected e.g. 15s, 1m30s, 100ms)");
    }
    long total = 0;
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      String g = m.group(2 * i + 2);
      if (g != null) {
        try {
          total = Math.addExact(total, Math.multiplyExact(Long.parseLong(g), UNIT_MILLIS[i]));
        } catch (ArithmeticException | NumberFormatException e) {
          throw new IllegalArgumentException("duration out of range: \"" + s + "\"");
        }
      }
    }
    return Duration.ofMillis(total);
  }

  /** Formats as {@code model.Duration.String()}: {@code 15s}, {@code 1m30s}, {@code 2w}, {@code 0s}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      boolean exactOnly = i < 2; // years and weeks only when nothing remains
      if (exactOnly && ms % UNIT_MILLIS[i] != 0) {
        continue;
      }
      long v = ms / UNIT_MILLIS[i];
      if (v > 0) {
        sb.append(v).append(UNIT_NAMES[i]);
        ms -= v * UNIT_MILLIS[i];
      }
    }
    return sb.toString();
  }

  /** Go's {@code time.Duration.String()} at millisecond precision: {@code 100ms}, {@code 1.5s}, {@code 1m0s}. */
  static String goString(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    StringBuilder sb = new StringBuilder();
    long h = ms / 3600_000;
    long m = ms % 3600_000 / 60_000;
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    return sb.append(seconds(ms % 60_000)).append('s').toString();
  }

  /** Seconds as Go's {@code strconv.FormatFloat(s, 'f', -1, 64)}: {@code 10}, {@code 0.2}, {@code 1.5}. */
  static String seconds(long millis) {
    if (millis % 1000 == 0) {
      return Long.toString(millis / 1000);
    }
    return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }
}
