package io.cairn.monitor.web;

/** Go's string-literal escapes, as PromQL strings use them ({@code strconv.Unquote}). */
final class GoEscapes {
  private GoEscapes() {}

  interface ErrorFactory {
    SelectorParser.BadSelector at(int index, String message);
  }

  /**
   * Decodes the escape whose backslash is just before {@code i}, appends it, and returns the index
   * after it.
   */
  static int unescape(String s, int i, char quote, StringBuilder out, ErrorFactory err) throws SelectorParser.BadSelector {
    if (i >= s.length()) {
      throw err.at(i, "unterminated escape sequence");
    }
    char c = s.charAt(i++);
    switch (c) {
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case '\\' -> out.append('\\');
      case '"', '\'' -> {
        if (c != quote) {
          throw err.at(i - 1, "unknown escape sequence");
        }
        out.append(c);
      }
      case 'x' -> {
        out.append((char) hex(s, i, 2, err));
        i += 2;
      }
      case 'u' -> {
        out.appendCodePoint(hex(s, i, 4, err));
        i += 4;
      }
      case 'U' -> {
        int cp = hex(s, i, 8, err);
        if (!Character.isValidCodePoint(cp)) {
          throw err.at(i, "invalid Unicode code point in escape sequence");
        }
        out.appendCodePoint(cp);
        i += 8;
      }
      default -> {
        if (c >= '0' && c <= '7') {
          if (i + 2 > s.length()) {
            throw err.at(i, "unterminated octal escape");
          }
          int v = Integer.parseInt(s.substring(i - 1, i + 2), 8);
          if (v > 255 || !s.substring(i - 1, i + 2).chars().allMatch(d -> d >= '0' && d <= '7')) {
            throw err.at(i - 1, "invalid octal escape");
          }
          out.append((char) v);
          i += 2;
        } else {
          throw err.at(i - 1, "unknown escape sequence");
        }
      }
    }
    return i;
  }

  private static int hex(String s, int i, int n, ErrorFactory err) throws SelectorParser.BadSelector {
    if (i + n > s.length()) {
      throw err.at(i, "unterminated escape sequence");
    }
    try {
      return Integer.parseUnsignedInt(s.substring(i, i + n), 16);
    } catch (NumberFormatException e) {
      throw err.at(i, "invalid hex escape");
    }
  }
}
