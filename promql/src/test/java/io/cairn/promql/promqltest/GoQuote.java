package io.cairn.promql.promqltest;

/** Reads a Go-quoted string ({@code "..."}, {@code '...'} or a raw {@code `...`}) of a test script. */
final class GoQuote {
  private GoQuote() {}

  /** Appends the string starting at {@code i} (the quote) to {@code out}; returns the index after it. */
  static int unquote(String s, int i, StringBuilder out) {
    char q = s.charAt(i);
    if (q != '"' && q != '\'' && q != '`') {
      throw new IllegalArgumentException("expected a quoted string at " + i + " in: " + s);
    }
    i++;
    while (s.charAt(i) != q) {
      char c = s.charAt(i);
      if (c != '\\' || q == '`') {
        out.append(c);
        i++;
        continue;
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
          i += 2;
        }
        case 'u' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(i, i + 8), 16));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            out.append((char) Integer.parseInt(s.substring(i - 1, i + 2), 8));
            i += 2;
          } else {
            out.append(e);
          }
        }
      }
    }
    return i + 1;
  }
}
