package io.cairn.monitor.textparse;

import io.cairn.common.text.GoStrings;

/**
 * Prometheus's {@code parseFloat}: Go's {@code strconv.ParseFloat(s, 64)} restricted to the forms
 * before Go 1.13 (no {@code p}, {@code P} or {@code _}, hence no hexadecimal floats and no digit
 * separators).
 *
 * <p>Accepted: an optional sign, decimal digits with at most one point and at least one digit, and
 * an optional exponent ({@code e} or {@code E}, optional sign, digits); {@code inf} and {@code
 * infinity} in any case with an optional sign; {@code nan} in any case without sign. A finite
 * spelling too large for a double is an error ("value out of range"), as in Go; too small rounds
 * to zero, as in Go. Java's own extras ({@code 1d}, {@code 1f}, surrounding blanks) are refused.
 */
final class GoFloat {
  /** Prometheus's {@code value.NormalNaN}: the one NaN parsed values carry. */
  static final long NORMAL_NAN_BITS = 0x7ff8000000000001L;

  static final double NORMAL_NAN = Double.longBitsToDouble(NORMAL_NAN_BITS);

  private GoFloat() {}

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p; // 10^0 .. 10^22 are exact doubles
      p *= 10;
    }
  }

  /**
   * The value of the bytes {@code [from, to)}, as {@link #parse(String)}; plain decimals of at most
   * 15 significant digits (most exposed values) are converted without making a string, exactly: the
   * digits and the power of ten are both exact doubles, and one IEEE division rounds correctly.
   */
  static double parse(byte[] b, int from, int to) {
    int i = from;
    boolean neg = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      neg = b[i] == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int fraction = -1;
    boolean sawDigit = false;
    for (; i < to; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        sawDigit = true;
        if (digits > 0 || c != '0') {
          digits++;
        }
        m = m * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
        if (digits > 15 || fraction > 22) {
          return parse(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return parse(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    if (!sawDigit) {
      return parse(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }
    double v = fraction > 0 ? m / POW10[fraction] : m;
    return neg ? -v : v;
  }

  /**
   * The value {@code s} spells.
   *
   * @throws NumberFormatException with Go's message ({@code strconv.ParseFloat: parsing "x":
   *     invalid syntax}) or Prometheus's ({@code unsupported character in float "0x1p3"})
   */
  static double parse(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == 'p' || c == 'P' || c == '_') {
        throw new NumberFormatException("unsupported character in float " + GoStrings.quote(s));
      }
    }
    int i = 0;
    boolean signed = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-');
    if (signed) {
      i = 1;
    }
    String rest = s.substring(i);
    if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
      return s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!signed && rest.equalsIgnoreCase("nan")) {
      return NORMAL_NAN;
    }
    int digits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      throw syntax(s);
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
        expDigits++;
      }
      if (expDigits == 0) {
        throw syntax(s);
      }
    }
    if (i != n) {
      throw syntax(s);
    }
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw new NumberFormatException(
          "strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": value out of range");
    }
    return v;
  }

  private static NumberFormatException syntax(String s) {
    return new NumberFormatException("strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": invalid syntax");
  }
}
