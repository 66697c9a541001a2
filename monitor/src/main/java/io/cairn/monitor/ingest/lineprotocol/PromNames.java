package io.cairn.monitor.ingest.lineprotocol;

/**
 * Prometheus names from InfluxDB names, as Prometheus's {@code strutil.SanitizeFullLabelName}
 * does: every character that may not stand at its place becomes one {@code _} (a character outside
 * the BMP too), nothing is added or removed.
 */
final class PromNames {
  private PromNames() {}

  /** A metric name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
  static String metricName(String s) {
    return sanitize(s, true);
  }

  /** A label name: {@code [a-zA-Z_][a-zA-Z0-9_]*} (no colon, unlike metric names). */
  static String labelName(String s) {
    return sanitize(s, false);
  }

  private static String sanitize(String s, boolean colon) {
    if (isValid(s, colon)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int index = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      out.append(valid(cp, index == 0, colon) ? (char) cp : '_');
      index++;
    }
    return out.toString();
  }

  private static boolean isValid(String s, boolean colon) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!valid(s.charAt(i), i == 0, colon)) {
        return false;
      }
    }
    return true;
  }

  private static boolean valid(int c, boolean first, boolean colon) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (colon && c == ':')
        || (!first && c >= '0' && c <= '9');
  }
}
