package io.cairn.common.text;

/**
 * Go's {@code strconv.Quote} (the {@code %q} verb), which the anchors (Prometheus, InfluxDB, etcd)
 * use in their messages and label renderings, so cairn's bytes match theirs. Stateless and
 * thread-safe.
 */
public final class GoStrings {
  private GoStrings() {}

  /** {@code s} double-quoted and escaped as Go's {@code strconv.Quote} does. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    quote(s, Integer.MAX_VALUE, out);
    return out.toString();
  }

  /** Appends {@code s} quoted as {@link #quote(String)} to {@code out}. */
  public static void quote(String s, StringBuilder out) {
    quote(s, Integer.MAX_VALUE, out);
  }

  /**
   * Like {@link #quote(String)}, but stops once the rendering reaches {@code maxChars} characters
   * and then ends with {@code ...} inside the quotes: for messages about untrusted, possibly huge
   * input.
   */
  public static String quote(String s, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars) + 6);
    quote(s, maxChars, out);
    return out.toString();
  }

  private static void quote(String s, int maxChars, StringBuilder out) {
    int start = out.length();
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      if (out.length() - start >= maxChars) {
        out.append("...");
        break;
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x07 -> out.append("\\a");
        case 0x08 -> out.append("\\b");
        case 0x0c -> out.append("\\f");
        case 0x0b -> out.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\x%02x", cp));
          } else if (Character.isSurrogate((char) cp)) {
            out.append("\\ufffd");
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    out.append('"');
  }

  /** The byte length of {@code s} in UTF-8: Go's string lengths and column offsets. */
  public static int utf8Length(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
