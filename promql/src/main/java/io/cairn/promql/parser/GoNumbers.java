package io.cairn.promql.parser;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Go's {@code strconv.ParseInt(s, 0, 64)}, {@code ParseFloat(s, 64)} and Prometheus's {@code strutil.Unquote}, for the lexer's tokens. */
final class GoNumbers {
  private static final Pattern DECIMAL_FLOAT = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
  private static final Pattern OCTAL = Pattern.compile("0[0-7]+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private GoNumbers() {}

  /** The value, or null when Go's ParseInt and ParseFloat both fail. */
  static Double parse(String s) {
    Long i = parseInt(s);
    if (i != null) {
      return (double) i;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (!DECIMAL_FLOAT.matcher(s).matches()) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? null : d;
  }

  static boolean outOfRange(String s) {
    return DECIMAL_FLOAT.matcher(s).matches() && Double.isInfinite(Double.parseDouble(s));
  }

  private static Long parseInt(String s) {
    BigInteger v;
    if (HEX.matcher(s).matches()) {
      v = new BigInteger(s.substring(2), 16);
    } else if (OCTAL.matcher(s).matches()) {
      v = new BigInteger(s.substring(1), 8);
    } else if (DIGITS.matcher(s).matches() && (s.length() == 1 || s.charAt(0) != '0')) {
      v = new BigInteger(s);
    } else {
      return null;
    }
    return v.bitLength() < 64 ? v.longValue() : null;
  }

  /**
   * Prometheus's {@code strutil.Unquote} of a lexed string token (quotes included). Byte escapes
   * ({@code \xff}, octal) build UTF-8 bytes, decoded at the end (invalid sequences become U+FFFD).
   *
   * @throws IllegalArgumentException on a malformed literal
   */
  static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != s.charAt(s.length() - 1)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char quote = s.charAt(0);
    String body = s.substring(1, s.length() - 1);
    if (quote == '`') {
      if (body.indexOf('`') >= 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      return body;
    }
    if (body.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (body.indexOf('\\') < 0) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      if (c != '\\') {
        out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
        continue;
      }
      if (i + 1 >= body.length()) {
        throw new IllegalArgumentException("invalid syntax");
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write(10);
        case 'r' -> out.write(13);
        case 't' -> out.write(9);
        case 'v' -> out.write(11);
        case '\\' -> out.write('\\');
        case '\'', '"' -> {
          if (e != quote) {
            throw new IllegalArgumentException("invalid syntax");
          }
          out.write(e);
        }
        case 'x' -> {
          out.write(Integer.parseInt(body.substring(i, i + 2), 16));
          i += 2;
        }
        case 'u', 'U' -> {
          int n = e == 'u' ? 4 : 8;
          int cp = Integer.parseInt(body.substring(i, i + n), 16);
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
          i += n;
        }
        default -> {
          if (e < '0' || e > '7') {
            throw new IllegalArgumentException("invalid syntax");
          }
          out.write(Integer.parseInt(body.substring(i - 1, i + 2), 8));
          i += 2;
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
