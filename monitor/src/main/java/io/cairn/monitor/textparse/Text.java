package io.cairn.monitor.textparse;

/** Unescaping as Prometheus's {@code strings.Replacer}s do. */
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
}
