package io.cairn.monitor.config;

import java.util.Map;

/**
 * A byte size as {@code body_size_limit} takes it: alecthomas/units {@code ParseBase2Bytes}. A
 * sequence of {@code <decimal><unit>} terms that are added up, with an optional sign: {@code 10MB},
 * {@code 1.5GiB}, {@code 1MB512KB}, {@code 0}. Units: {@code B}, and {@code K M G T P E} followed
 * by {@code B} or {@code iB}, all powers of 1024. A bare number other than 0 is an error (no unit).
 */
public final class Base2Bytes {
  private static final Map<String, Double> UNITS = units();

  private Base2Bytes() {}

  private static Map<String, Double> units() {
    java.util.HashMap<String, Double> m = new java.util.HashMap<>();
    m.put("B", 1.0);
    double unit = 1;
    for (char p : "KMGTPE".toCharArray()) {
      unit *= 1024;
      m.put(p + "B", unit);
      m.put(p + "iB", unit);
    }
    return Map.copyOf(m);
  }

  /**
   * As alecthomas/units {@code Base2Bytes.String}: each non-zero power of 1024 from the largest,
   * {@code 10MiB}, {@code 1KiB512B}, {@code 0B}.
   */
  public static String format(long bytes) {
    String[] magnitudes = {"", "K", "M", "G", "T", "P", "E"};
    StringBuilder out = new StringBuilder();
    long n = bytes;
    for (int i = 0; i < magnitudes.length; i++) {
      if (n % 1024 != 0 || (i == 0 && n == 0)) {
        out.insert(0, (n % 1024) + magnitudes[i] + (i == 0 ? "B" : "iB"));
      }
      n /= 1024;
      if (n == 0) {
        break;
      }
    }
    return out.toString();
  }

  /**
   * The size in bytes (may be negative, as in Prometheus, where a limit of 0 or less means none).
   *
   * @throws IllegalArgumentException with the units package's message, e.g. {@code units: unknown
   *     unit mb in 10mb}
   */
  public static long parse(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("units: invalid " + orig);
    }
    double f = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        throw new IllegalArgumentException("units: invalid " + orig);
      }
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
      }
      boolean pre = i > start;
      double g = pre ? parseInt(s.substring(start, i), orig) : 0;
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fs = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        if (i > fs) {
          g += parseInt(s.substring(fs, i), orig) / Math.pow(10, i - fs);
          post = true;
        }
      }
      if (!pre && !post) {
        throw new IllegalArgumentException("units: invalid " + orig);
      }
      int us = i;
      while (i < s.length() && !(s.charAt(i) == '.' || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
        i++;
      }
      String u = s.substring(us, i);
      Double unit = UNITS.get(u);
      if (unit == null) {
        throw new IllegalArgumentException("units: unknown unit " + u + " in " + orig);
      }
      f += g * unit;
    }
    if (neg) {
      f = -f;
    }
    if (f < -0x1p63 || f >= 0x1p63) {
      throw new IllegalArgumentException("units: overflow parsing unit");
    }
    return (long) f;
  }

  private static double parseInt(String digits, String orig) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("units: invalid " + orig);
    }
  }
}
