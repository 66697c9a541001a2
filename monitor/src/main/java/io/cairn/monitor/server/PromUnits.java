package io.cairn.monitor.server;

/** Prometheus's flag units: durations ({@code model.ParseDuration}) and byte sizes ({@code units.Base2Bytes}). */
final class PromUnits {
  private PromUnits() {}

  /** Milliseconds, or -1 if {@code text} is not a Prometheus duration ({@code 0} is one). */
  static long durationMillis(String text) {
    if (text.equals("0")) {
      return 0;
    }
    long total = 0;
    int i = 0;
    int lastRank = Integer.MAX_VALUE;
    if (text.isEmpty()) {
      return -1;
    }
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
        switch (text.charAt(i++)) {
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
      if (rank >= lastRank) {
        return -1;
      }
      lastRank = rank;
      try {
        total = Math.addExact(total, Math.multiplyExact(n, unit));
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return total;
  }

  /** Bytes, or -1 if {@code text} is not a size: a number with B, KB, MB, GB, TB, PB or EB (base 1024), or 0. */
  static long bytes(String text) {
    if (text.equals("0")) {
      return 0;
    }
    String[] units = {"EB", "PB", "TB", "GB", "MB", "KB", "B"};
    int[] shifts = {60, 50, 40, 30, 20, 10, 0};
    for (int u = 0; u < units.length; u++) {
      if (text.endsWith(units[u])) {
        String num = text.substring(0, text.length() - units[u].length());
        if (num.isEmpty() || !num.chars().allMatch(Character::isDigit) || num.length() > 18) {
          return -1;
        }
        long n = Long.parseLong(num);
        if (n > (Long.MAX_VALUE >> shifts[u])) {
          return -1;
        }
        return n << shifts[u];
      }
    }
    return -1;
  }
}
