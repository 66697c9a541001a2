package io.cairn.gateway.router;

import java.util.Locale;

/**
 * The host a rule sees, derived from the Host header the way Traefik's request decorator does it
 * ({@code types.CanonicalDomain(parseHost(req.Host))}).
 */
public final class HostHeader {
  private HostHeader() {}

  /**
   * The canonical host of a Host header value: port removed when Go's {@code net.SplitHostPort}
   * accepts the value ({@code example.com:8080} → {@code example.com}, {@code [::1]:80} → {@code
   * ::1}), else the value whole ({@code 10::10}, {@code [::1]}); then trimmed and lower-cased.
   *
   * @param hostHeader the raw header value; {@code null} is treated as empty
   * @return the canonical host, never null (empty when there is no host)
   */
  public static String canonical(String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    String host = hostHeader;
    if (host.indexOf(':') >= 0) {
      String split = splitHost(host);
      if (split != null) {
        host = split;
      }
    }
    return host.strip().toLowerCase(Locale.ROOT);
  }

  /** The host part as {@code net.SplitHostPort} returns it, or null where Go reports an error. */
  private static String splitHost(String hostport) {
    int lastColon = hostport.lastIndexOf(':');
    String host;
    if (hostport.startsWith("[")) {
      int end = hostport.indexOf(']');
      if (end < 0) {
        return null; // missing ']'
      }
      if (end + 1 == hostport.length() || hostport.charAt(end + 1) != ':' || end + 1 != lastColon) {
        return null; // missing port, or junk after ']'
      }
      host = hostport.substring(1, end);
      if (hostport.indexOf('[', 1) >= 0 || hostport.indexOf(']', end + 1) >= 0) {
        return null;
      }
      return host;
    }
    host = hostport.substring(0, lastColon);
    if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
      return null; // too many colons / unexpected brackets
    }
    if (hostport.indexOf('[', lastColon) >= 0 || hostport.indexOf(']', lastColon) >= 0) {
      return null;
    }
    return host;
  }
}
