package io.cairn.gateway.router;

import java.net.InetAddress;

/**
 * IP literals as Go's {@code net.ParseIP} accepts them, without any DNS lookup: IPv4 only as four
 * decimal octets without leading zeros, IPv6 in any RFC 4291 text form (an embedded IPv4 tail
 * included), no brackets, no zone.
 */
final class GoIp {
  private GoIp() {}

  /** The address, or null when {@code text} is not an IP literal Go accepts. */
  static InetAddress parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    boolean v6 = text.indexOf(':') >= 0;
    if (!v6 && !isDottedQuad(text)) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
          || c == ':' || c == '.';
      if (!ok) {
        return null;
      }
    }
    if (v6) {
      int dot = text.indexOf('.');
      if (dot >= 0 && !isDottedQuad(text.substring(text.lastIndexOf(':') + 1))) {
        return null;
      }
    }
    try {
      return InetAddress.ofLiteral(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isDottedQuad(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0') {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * The client IP of a Go {@code RemoteAddr} as Traefik's {@code RemoteAddrStrategy} takes it: the
   * host of {@code host:port} (brackets removed), else the whole string; null when not an IP.
   */
  static InetAddress fromRemoteAddr(String remoteAddr) {
    if (remoteAddr == null) {
      return null;
    }
    String host = remoteAddr;
    if (remoteAddr.startsWith("[")) {
      int end = remoteAddr.indexOf("]:");
      if (end > 0 && remoteAddr.lastIndexOf(':') == end + 1) {
        host = remoteAddr.substring(1, end);
      }
    } else {
      int colon = remoteAddr.lastIndexOf(':');
      if (colon >= 0 && remoteAddr.indexOf(':') == colon) {
        host = remoteAddr.substring(0, colon);
      }
    }
    return parse(host);
  }
}
