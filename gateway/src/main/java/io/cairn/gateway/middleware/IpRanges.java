package io.cairn.gateway.middleware;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of IPs and CIDR ranges, as Traefik's {@code ip.Checker}: entries with {@code /} are CIDRs
 * ({@code net.ParseCIDR}), others single IPs ({@code net.ParseIP}); IPv4-mapped IPv6 addresses
 * match IPv4 entries. Parsing never resolves names. Immutable and thread-safe.
 */
final class IpRanges {
  private record Range(byte[] net, int prefix) {}

  private final List<Range> ranges;

  private IpRanges(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Parses every entry; throws {@link IllegalArgumentException} naming the first bad one. */
  static IpRanges of(List<String> entries) {
    List<Range> out = new ArrayList<>();
    for (String e : entries) {
      String s = e.strip();
      int slash = s.indexOf('/');
      if (slash >= 0) {
        byte[] ip = parse(s.substring(0, slash));
        int bits = parseBits(s.substring(slash + 1), ip);
        if (ip == null || bits < 0) {
          throw new IllegalArgumentException("parsing CIDR trusted IPs " + e + ": invalid CIDR address: " + s);
        }
        out.add(new Range(ip, bits));
      } else {
        byte[] ip = parse(s);
        if (ip == null) {
          throw new IllegalArgumentException("parsing CIDR trusted IPs " + e + ": can't parse IP from address " + s);
        }
        out.add(new Range(ip, ip.length * 8));
      }
    }
    return new IpRanges(out);
  }

  private static int parseBits(String text, byte[] ip) {
    if (ip == null || text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int bits = Integer.parseInt(text);
    return bits <= ip.length * 8 ? bits : -1;
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether {@code text} (an IP, without port) is in the set; false when it is not an IP. */
  boolean contains(String text) {
    byte[] ip = parse(text);
    if (ip == null) {
      return false;
    }
    for (Range r : ranges) {
      if (r.net().length == ip.length && prefixMatches(r.net(), ip, r.prefix())) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixMatches(byte[] net, byte[] ip, int prefix) {
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (net[i] != ip[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (net[full] & mask) == (ip[full] & mask);
  }

  /**
   * Go's {@code net.ParseIP}: a dotted quad (four decimal parts 0–255, no leading zeros) or an
   * IPv6 literal without zone or brackets; IPv4-mapped IPv6 becomes 4 bytes. Null if not an IP.
   */
  static byte[] parse(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return null;
    }
    if (s.indexOf(':') < 0) {
      return parseV4(s);
    }
    if (s.indexOf('%') >= 0 || s.indexOf('[') >= 0 || s.indexOf('/') >= 0) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 128)) {
        return null;
      }
    }
    try {
      InetAddress a = Inet6Address.ofLiteral(s);
      return a.getAddress();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }
}
