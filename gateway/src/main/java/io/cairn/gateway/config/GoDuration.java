package io.cairn.gateway.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Durations as Traefik reads them (paerser's {@code types.Duration}): a plain integer is a number
 * of seconds ({@code "10"} = 10s); anything else must be Go's {@code time.ParseDuration} syntax, a
 * sequence of decimal numbers with units {@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s},
 * {@code m}, {@code h}, optionally signed ({@code "1m30s"}, {@code "1.5h"}, {@code "-100ms"}). The
 * lone {@code "0"} is zero either way.
 */
final class GoDuration {
  private GoDuration() {}

  /** The duration, or empty when {@code text} is not a duration in either form. */
  static Optional<Duration> parse(String text) {
    String s = text.strip();
    if (s.matches("[-+]?\\d{1,18}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
    }
    return parseGo(s);
  }

  private static Optional<Duration> parseGo(String s) {
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    if (i == s.length()) {
      return Optional.empty();
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        return Optional.empty();
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      long unit =
          switch (s.substring(unitStart, i)) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1L;
          };
      if (unit < 0) {
        return Optional.empty();
      }
      totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    if (totalNanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty(); // Go: "invalid duration" (overflows int64 nanoseconds)
    }
    long nanos = totalNanos.longValue();
    return Optional.of(Duration.ofNanos(negative ? -nanos : nanos));
  }

  /** Go's rendering of common durations ({@code 1m30s}, {@code 100ms}) for messages and tests. */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toNanosPart() % 1_000_000 == 0 && d.getSeconds() == 0) {
      return d.toMillis() + "ms";
    }
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
