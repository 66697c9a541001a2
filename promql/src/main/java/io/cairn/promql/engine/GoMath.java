package io.cairn.promql.engine;

import java.math.BigDecimal;

/** Go's float behaviour where Java's differs: {@code math.Pow}, {@code strconv.ParseFloat} and {@code FormatFloat(v, 'f', -1, 64)}. */
final class GoMath {
  private GoMath() {}

  /** {@code math.Pow}: unlike Java, {@code 1^y = 1} for any y (NaN too) and {@code (-1)^±Inf = 1}. */
  static double pow(double x, double y) {
    if (x == 1 || (x == -1 && Double.isInfinite(y))) {
      return 1;
    }
    return Math.pow(x, y);
  }

  /** {@code strconv.ParseFloat(s, 64)}; throws NumberFormatException for what Go rejects. */
  static double parseFloat(String s) {
    String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean negative = s.startsWith("-");
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (body.isEmpty()) {
      throw new NumberFormatException("empty");
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'
          || c == 'x' || c == 'X' || c == 'p' || c == 'P' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        throw new NumberFormatException(s);
      }
    }
    if (lower.startsWith("0x") && !lower.contains("p")) {
      throw new NumberFormatException(s); // Java needs the exponent too; Go requires it for hex floats as well
    }
    return Double.parseDouble(s);
  }

  /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: the shortest decimal that reads back as v, no exponent. */
  static String formatFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
    }
    String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return plain;
  }
}
