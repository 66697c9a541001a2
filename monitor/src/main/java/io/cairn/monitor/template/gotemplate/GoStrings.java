package io.cairn.monitor.template.gotemplate;

import java.nio.charset.StandardCharsets;

/**
 * Go's string helpers the template language needs: {@code strconv.Quote}/{@code Unquote}, {@code
 * %#U}, and the escapers behind the builtins {@code html}, {@code js} and {@code urlquery}.
 */
public final class GoStrings {
  private static final String HEX = "0123456789abcdef";

  private GoStrings() {}

  /** Go's {@code strconv.Quote}. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(r -> appendEscaped(b, r, '"'));
    return b.append('"').toString();
  }

  /** Go's {@code strconv.QuoteRune}. */
  static String quoteRune(int r) {
    StringBuilder b = new StringBuilder().append('\'');
    appendEscaped(b, r, '\'');
    return b.append('\'').toString();
  }

  private static void appendEscaped(StringBuilder b, int r, char q) {
    if (r == q || r == '\\') {
      b.append('\\').appendCodePoint(r);
      return;
    }
    if (isPrint(r)) {
      b.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 7 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 11 -> b.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7f) {
          b.append("\\x").append(HEX.charAt(r >> 4)).append(HEX.charAt(r & 15));
        } else if (r < 0x10000) {
          b.append(String.format("\\u%04x", r));
        } else {
          b.append(String.format("\\U%08x", r));
        }
      }
    }
  }

  /** Go's {@code unicode.IsPrint}, approximately (letters, marks, numbers, punctuation, symbols, ASCII space). */
  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    if (Character.isSurrogate((char) r) && r < 0x10000) {
      return false;
    }
    return switch (Character.getType(r)) {
      case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
          Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /** Go's {@code %#U}: {@code U+0029 ')'}. */
  static String unicodeQuote(int r) {
    String u = String.format("U+%04X", r);
    return isPrint(r) ? u + " '" + new String(Character.toChars(r)) + "'" : u;
  }

  /**
   * Go's {@code strconv.Unquote} of a double-quoted or back-quoted literal.
   *
   * @throws IllegalArgumentException "invalid syntax" as Go's {@code strconv.ErrSyntax}
   */
  static String unquote(String lit) {
    if (lit.length() < 2) {
      throw syntax();
    }
    char q = lit.charAt(0);
    if (lit.charAt(lit.length() - 1) != q) {
      throw syntax();
    }
    String body = lit.substring(1, lit.length() - 1);
    if (q == '`') {
      if (body.indexOf('`') >= 0) {
        throw syntax();
      }
      return body.replace("\r", "");
    }
    if (q != '"') {
      throw syntax();
    }
    StringBuilder b = new StringBuilder(body.length());
    int[] at = {0};
    while (at[0] < body.length()) {
      char c = body.charAt(at[0]);
      if (c == '"' || c == '\n') {
        throw syntax();
      }
      b.appendCodePoint(unquoteChar(body, at, '"'));
    }
    return b.toString();
  }

  /** Go's {@code strconv.UnquoteChar}: the rune at {@code at[0]}, advancing {@code at[0]}. */
  static int unquoteChar(String s, int[] at, char quote) {
    int i = at[0];
    int c = s.codePointAt(i);
    if (c != '\\') {
      if (c == quote && (quote == '\'' || quote == '"')) {
        throw syntax();
      }
      at[0] = i + Character.charCount(c);
      return c;
    }
    if (i + 1 >= s.length()) {
      throw syntax();
    }
    char e = s.charAt(i + 1);
    at[0] = i + 2;
    return switch (e) {
      case 'a' -> 7;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> 11;
      case '\\' -> '\\';
      case 'x' -> hex(s, at, 2);
      case 'u' -> checkRune(hex(s, at, 4));
      case 'U' -> checkRune(hex(s, at, 8));
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        at[0] = i + 1;
        int v = 0;
        for (int k = 0; k < 3; k++) {
          if (at[0] >= s.length() || s.charAt(at[0]) < '0' || s.charAt(at[0]) > '7') {
            throw syntax();
          }
          v = v * 8 + (s.charAt(at[0]++) - '0');
        }
        if (v > 255) {
          throw syntax();
        }
        yield v;
      }
      case '\'', '"' -> {
        if (e != quote) {
          throw syntax();
        }
        yield e;
      }
      default -> throw syntax();
    };
  }

  private static int checkRune(int r) {
    if (r > 0x10ffff || (r >= 0xd800 && r < 0xe000)) {
      throw syntax();
    }
    return r;
  }

  private static int hex(String s, int[] at, int n) {
    if (at[0] + n > s.length()) {
      throw syntax();
    }
    long v = 0;
    for (int k = 0; k < n; k++) {
      int d = Character.digit(s.charAt(at[0]++), 16);
      if (d < 0) {
        throw syntax();
      }
      v = v * 16 + d;
    }
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static IllegalArgumentException syntax() {
    return new IllegalArgumentException("invalid syntax");
  }

  /** Go's {@code template.HTMLEscapeString}. */
  public static String htmlEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("&#34;");
        case '\'' -> b.append("&#39;");
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case 0 -> b.append('\uFFFD');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Go's {@code template.JSEscapeString}. */
  public static String jsEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      switch (r) {
        case '\\' -> b.append("\\\\");
        case '\'' -> b.append("\\'");
        case '"' -> b.append("\\\"");
        case '<' -> b.append("\\u003C");
        case '>' -> b.append("\\u003E");
        case '&' -> b.append("\\u0026");
        case '=' -> b.append("\\u003D");
        default -> {
          if (r < ' ') {
            b.append(String.format("\\u%04X", r));
          } else if (r < 0x80 || isPrint(r)) {
            b.appendCodePoint(r);
          } else {
            b.append(String.format("\\u%04X", r));
          }
        }
      }
    }
    return b.toString();
  }

  /** Go's {@code url.QueryEscape}. */
  public static String queryEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append(Character.toUpperCase(HEX.charAt(c >> 4))).append(Character.toUpperCase(HEX.charAt(c & 15)));
      }
    }
    return b.toString();
  }

}
