package io.cairn.monitor.scrape;

/** Go's {@code net.SplitHostPort}, as far as {@code PopulateLabels} needs it. */
final class GoHostPort {
  private GoHostPort() {}

  /** Whether Go's {@code SplitHostPort} accepts {@code s}: {@code host:port} or {@code [v6]:port}. */
  static boolean splits(String s) {
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      return close > 0 && close + 1 < s.length() && s.charAt(close + 1) == ':'
          && s.indexOf(':', close + 2) < 0 && s.indexOf('[', 1) < 0 && s.indexOf(']', close + 1) < 0;
    }
    int colon = s.lastIndexOf(':');
    return colon >= 0 && s.indexOf(':') == colon && s.indexOf('[') < 0 && s.indexOf(']') < 0;
  }

  /** As Prometheus's {@code addPort}: no port yet, and adding one makes the address valid. */
  static boolean needsPort(String addr) {
    return !splits(addr) && splits(addr + ":1234");
  }
}
