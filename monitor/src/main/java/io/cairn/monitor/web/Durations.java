package io.cairn.monitor.web;

/** Prometheus durations ({@code 1h30m}, {@code 5m}, {@code 100ms}; units y w d h m s ms) in ms. */
final class Durations {
  private Durations() {}

  /** The duration in milliseconds, or -1 if the text is not one. */
  static long parseMillis(String text) {
    if (text.isEmpty()) {
      return -1;
    }
    long total = 0;
    int i = 0;
    int lastUnit = Integer.MAX_VALUE;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
      }
      if (start == i || i - start > 18) {
        return -1;
      }
      long n = Long.parseLong(text.substring(start, i));
      long unit;
      int rank;
      if (text.startsWith("ms", i)) {
        unit = 1;
        rank = 0;
        i += 2;
      } else if (i < text.length()) {
        char u = text.charAt(i++);
        switch (u) {
          case 's' -> { unit = 1000L; rank = 1; }
          case 'm' -> { unit = 60_000L; rank = 2; }
          case 'h' -> { unit = 3_600_000L; rank = 3; }
          case 'd' -> { unit = 86_400_000L; rank = 4; }
          case 'w' -> { unit = 7 * 86_400_000L; rank = 5; }
          case 'y' -> { unit = 365 * 86_400_000L; rank = 6; }
          default -> { return -1; }
        }
      } else {
        return -1;
      }
      if (rank >= lastUnit) {
        return -1; // units must go from largest to smallest, each once
      }
      lastUnit = rank;
      try {
        total = Math.addExact(total, Math.multiplyExact(n, unit));
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return total;
  }
}
