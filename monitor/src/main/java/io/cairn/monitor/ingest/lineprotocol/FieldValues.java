package io.cairn.monitor.ingest.lineprotocol;

import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Field;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Kind;
import java.nio.charset.StandardCharsets;

/**
 * Field values: floats ({@code 1}, {@code -1.5}, {@code .5}, {@code 1e-3}), integers ({@code 1i}),
 * unsigned integers ({@code 1u}), strings ({@code "a \"b\" \\ c"}) and booleans ({@code t}, {@code
 * T}, {@code true}, {@code True}, {@code TRUE} and the same for false). NaN and infinities cannot be
 * written; a float that overflows is rejected, as InfluxDB does.
 */
final class FieldValues {
  private FieldValues() {}

  /** Where the value starting at {@code i} ends (just after a string's closing quote). */
  static int end(byte[] b, int i, int to) throws PointSyntaxException {
    if (b[i] == '"') {
      for (int j = i + 1; j < to; j++) {
        if (b[j] == '\\') {
          j++;
        } else if (b[j] == '"') {
          return j + 1;
        }
      }
      throw new PointSyntaxException("unbalanced quotes");
    }
    while (i < to && b[i] != ',' && b[i] != ' ' && b[i] != '\t') {
      i++;
    }
    return i;
  }

  /** The value in {@code b[from, to)}, as delimited by {@link #end}. */
  static Field parse(String key, byte[] b, int from, int to) throws PointSyntaxException {
    byte c = b[from];
    if (c == '"') {
      return new Field(key, Kind.STRING, 0, Escapes.unescape(b, from + 1, to - 1, Escapes.STRING));
    }
    if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'N' || c == 'n') {
      return number(key, b, from, to);
    }
    return new Field(key, Kind.BOOLEAN, bool(b, from, to) ? 1 : 0, null);
  }

  private static boolean bool(byte[] b, int from, int to) throws PointSyntaxException {
    switch (ascii(b, from, to)) {
      case "t", "T", "true", "True", "TRUE" -> {
        return true;
      }
      case "f", "F", "false", "False", "FALSE" -> {
        return false;
      }
      default -> throw new PointSyntaxException("invalid boolean");
    }
  }

  private static Field number(String key, byte[] b, int from, int to)
      throws PointSyntaxException {
    byte last = b[to - 1];
    if (last == 'i' || last == 'u') {
      int bodyEnd = to - 1;
      boolean negative = b[from] == '-';
      int digits = negative ? from + 1 : from;
      if (digits >= bodyEnd || !allDigits(b, digits, bodyEnd) || (negative && last == 'u')) {
        throw new PointSyntaxException("invalid number");
      }
      String text = ascii(b, from, bodyEnd);
      try {
        if (last == 'i') {
          return new Field(key, Kind.INTEGER, Long.parseLong(text), null);
        }
        return new Field(key, Kind.UNSIGNED, unsignedToDouble(Long.parseUnsignedLong(text)), null);
      } catch (NumberFormatException e) {
        String type = last == 'i' ? "integer " : "unsigned ";
        throw new PointSyntaxException("unable to parse " + type + text + ": value out of range");
      }
    }
    if (!isFloat(b, from, to)) {
      throw new PointSyntaxException("invalid number");
    }
    double v = Double.parseDouble(ascii(b, from, to));
    if (Double.isInfinite(v)) {
      throw new PointSyntaxException("invalid float");
    }
    return new Field(key, Kind.FLOAT, v, null);
  }

  /** {@code -?[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?} with at least one mantissa digit. */
  private static boolean isFloat(byte[] b, int i, int to) {
    if (b[i] == '-') {
      i++;
    }
    int mantissaDigits = 0;
    while (i < to && isDigit(b[i])) {
      i++;
      mantissaDigits++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && isDigit(b[i])) {
        i++;
        mantissaDigits++;
      }
    }
    if (mantissaDigits == 0) {
      return false;
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < to && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      if (i >= to || !allDigits(b, i, to)) {
        return false;
      }
      i = to;
    }
    return i == to;
  }

  private static boolean allDigits(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** The nearest double to an unsigned 64-bit value. */
  static double unsignedToDouble(long u) {
    if (u >= 0) {
      return u;
    }
    // halve keeping the lowest bit as a sticky bit, so rounding stays correct, then double
    return ((u >>> 1) | (u & 1)) * 2.0;
  }

  private static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
