package io.cairn.monitor.textparse;

/** Unescaping as Prometheus's {@code strings.Replacer}s do, and quoting for messages. */
final class Text {
  private Text() {}

  /**
   * Replaces {@code \\} by a backslash, {@code \n} by a line break and, if {@code quotes}, {@code
   * \"} by a double quote, scanning left to right; any other backslash stays as it is. Label values
   * of both formats and OpenMetrics help texts use quotes; help texts of the text format 0.0.4 do
   * not.
   */
  static String unescape(String s, boolean quotes) {
    int i = s.indexOf('\\');
    if (i < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, i);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        if (n == '\\' || n == 'n' || (quotes && n == '"')) {
          out.append(n == 'n' ? '\n' : n);
          i += 2;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Double-quotes {@code s} for a message, escaping as Go's {@code %q} does for common cases. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
