package io.cairn.common.text;

/** Go's {@code encoding/json} string rendering, which Prometheus's and InfluxDB's JSON answers use. */
public final class GoJson {
  private GoJson() {}

  /**
   * A JSON string literal as Go's {@code encoding/json} writes it: {@code <}, {@code >}, {@code &},
   * U+2028, U+2029 and control characters other than newline, return and tab as six-character
   * backslash-u escapes with lowercase hex; newline, return and tab as {@code \n}, {@code \r},
   * {@code \t}; an unpaired surrogate as the escape of U+FFFD.
   */
  public static void appendJson(String s, StringBuilder out) {
    out.append('"');
    if (plain(s)) { // the common case (label names and values): copied as is
      out.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether no character of {@code s} needs escaping: none below 0x20, no quote, backslash, {@code <>&}, none from U+2028. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= '\u2028') {
        return false;
      }
    }
    return true;
  }
}
