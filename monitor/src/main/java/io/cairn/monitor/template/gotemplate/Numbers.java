package io.cairn.monitor.template.gotemplate;

import io.cairn.monitor.template.gotemplate.Item.Type;
import io.cairn.monitor.template.gotemplate.Node.NumberNode;
import java.math.BigInteger;

/** Go's {@code parse.newNumber}: which of int, uint and float64 a constant can be. */
final class Numbers {
  private static final BigInteger MAX_UINT = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Numbers() {}

  /** @throws IllegalArgumentException with Go's message */
  static NumberNode parse(int pos, String text, Type type) {
    if (type == Type.CHAR_CONSTANT) {
      int[] at = {1};
      int r;
      try {
        r = GoStrings.unquoteChar(text, at, '\'');
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid syntax");
      }
      if (!text.substring(at[0]).equals("'")) {
        throw new IllegalArgumentException("malformed character constant: " + text);
      }
      return new NumberNode(pos, text, true, r, true, true, r, false);
    }
    if (type == Type.COMPLEX || text.endsWith("i")) {
      throw new IllegalArgumentException("illegal number syntax: " + GoStrings.quote(text));
    }
    BigInteger big = parseInteger(text);
    boolean isInt = false;
    boolean isUint = false;
    boolean isFloat = false;
    long i = 0;
    double f = 0;
    if (big != null && (big.bitLength() < 64 || (big.signum() >= 0 && big.compareTo(MAX_UINT) <= 0))) {
      isUint = big.signum() >= 0 && big.compareTo(MAX_UINT) <= 0;
      isInt = big.bitLength() < 64;
      if (isInt) {
        i = big.longValue();
        isFloat = true;
        f = i;
      } else if (isUint) {
        isFloat = true;
        f = big.doubleValue();
      }
    } else {
      Double d = parseFloat(text);
      if (d != null) {
        if (!text.matches(".*[.eEpP].*")) {
          throw new IllegalArgumentException("integer overflow: " + GoStrings.quote(text));
        }
        isFloat = true;
        f = d;
        if (!Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 9.223372036854775807E18) {
          isInt = true;
          i = (long) f;
        }
        if (!Double.isInfinite(f) && f == Math.rint(f) && f >= 0 && f < 1.8446744073709552E19) {
          isUint = true;
        }
      }
    }
    if (!isInt && !isUint && !isFloat) {
      throw new IllegalArgumentException("illegal number syntax: " + GoStrings.quote(text));
    }
    return new NumberNode(pos, text, isInt, i, isUint, isFloat, f, false);
  }

  /** Go's {@code strconv.ParseInt(text, 0, ...)} without the range check; null when not an integer. */
  private static BigInteger parseInteger(String text) {
    String s = text;
    boolean neg = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int radix = 10;
    boolean prefix = false;
    if (s.length() > 1 && s.charAt(0) == '0') {
      char c = Character.toLowerCase(s.charAt(1));
      if (c == 'x' || c == 'o' || c == 'b') {
        radix = c == 'x' ? 16 : c == 'o' ? 8 : 2;
        s = s.substring(2);
      } else {
        radix = 8;
        s = s.substring(1);
      }
      prefix = true;
    }
    if (!underscoreOk(s, prefix)) {
      return null;
    }
    s = s.replace("_", "");
    if (s.isEmpty()) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(s, radix);
      return neg ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean underscoreOk(String s, boolean prefix) {
    if (s.indexOf('_') < 0) {
      return true;
    }
    if (!prefix && !s.isEmpty() && s.charAt(0) == '_') {
      return false;
    }
    return !s.endsWith("_") && !s.contains("__") && (prefix || s.charAt(0) != '_');
  }

  /** Go's {@code strconv.ParseFloat}; null when not a number. */
  private static Double parseFloat(String text) {
    String s = text.replace("_", "");
    if (!s.matches("[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|0[xX][0-9a-fA-F]*\\.?[0-9a-fA-F]*[pP][+-]?\\d+)")) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isInfinite(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
