package io.cairn.promql.parser;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Go's formatting verbs as Prometheus's parser and printer use them, so messages and output match byte for byte. */
final class GoText {
  private GoText() {}


  /** {@code %q} of a rune: {@code 'x'}, {@code '\n'}, {@code '\''}. A negative rune (end of input) is U+FFFD. */
  static String quoteRune(int r) {
    if (r < 0) {
      r = 0xFFFD;
    }
    String body = switch (r) {
      case '\'' -> "\\'";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case 0x0c -> "\\f";
      case 0x0b -> "\\v";
      default -> printable(r) ? new String(Character.toChars(r)) : escape(r);
    };
    return "'" + body + "'";
  }

  /** {@code %#U}: {@code U+0078 'x'}, or {@code U+0007} when not printable. */
  static String unicode(int r) {
    if (r < 0) {
      r = 0xFFFD;
    }
    String hex = String.format("U+%04X", r);
    return printable(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
  }

  private static boolean printable(int r) {
    if (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xad) {
      return false;
    }
    int t = Character.getType(r);
    return t != Character.UNASSIGNED && t != Character.CONTROL && t != Character.SURROGATE
        && t != Character.PRIVATE_USE && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR
        && t != Character.FORMAT && !(t == Character.SPACE_SEPARATOR && r != ' ');
  }

  private static String escape(int r) {
    if (r < 0x80) {
      return String.format("\\x%02x", r);
    }
    if (r < 0x10000) {
      return String.format("\\u%04x", r);
    }
    return String.format("\\U%08x", r);
  }

  /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: the shortest decimal that reads back, never an exponent. */
  static String formatFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v) < 0 ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** {@code fmt.Sprintf("%.<digits>f", v)}: exact binary value rounded half-even. */
  static String fixed(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    if ((v < 0 || (v == 0 && 1 / v < 0)) && !s.startsWith("-")) {
      s = "-" + s;
    }
    return s;
  }
}
