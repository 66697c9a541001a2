package io.cairn.gateway.router;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Traefik's {@code ip.Checker}: a set of IPs and CIDR ranges, IPv4 and IPv6. An IPv4-mapped IPv6
 * address counts as its IPv4 address, as in Go. Immutable and thread-safe.
 */
final class IpChecker {
  private final List<byte[]> networks; // address bytes, masked
  private final int[] prefixes;

  private IpChecker(List<byte[]> networks, int[] prefixes) {
    this.networks = networks;
    this.prefixes = prefixes;
  }

  /**
   * A checker for {@code ips}, each an IP or a CIDR.
   *
   * @throws IllegalArgumentException with Traefik's wording when one is neither
   */
  static IpChecker of(List<String> ips) {
    if (ips.isEmpty()) {
      throw new IllegalArgumentException("no trusted IPs provided");
    }
    List<byte[]> networks = new ArrayList<>();
    int[] prefixes = new int[ips.size()];
    for (int k = 0; k < ips.size(); k++) {
      String text = ips.get(k);
      InetAddress ip = GoIp.parse(text);
      int prefix;
      if (ip != null) {
        prefix = ip.getAddress().length * 8;
      } else {
        int slash = text.indexOf('/');
        String mask = slash < 0 ? "" : text.substring(slash + 1);
        ip = slash < 0 ? null : GoIp.parse(text.substring(0, slash));
        boolean digits = !mask.isEmpty() && mask.length() <= 3
            && mask.chars().allMatch(c -> c >= '0' && c <= '9');
        prefix = digits ? Integer.parseInt(mask) : -1;
        if (ip == null || prefix < 0 || prefix > bits(ip, text.substring(0, slash))) {
          throw new IllegalArgumentException(
              "parsing CIDR trusted IPs <nil>: invalid CIDR address: " + text);
        }
        if (ip instanceof Inet4Address && text.substring(0, slash).indexOf(':') >= 0) {
          prefix -= 96; // ::ffff:a.b.c.d/n: Go counts the mask over 128 bits
          if (prefix < 0) {
            throw new IllegalArgumentException(
                "parsing CIDR trusted IPs <nil>: invalid CIDR address: " + text);
          }
        }
      }
      networks.add(mask(ip.getAddress(), prefix));
      prefixes[k] = prefix;
    }
    return new IpChecker(List.copyOf(networks), prefixes);
  }

  private static int bits(InetAddress ip, String written) {
    return written.indexOf(':') >= 0 ? 128 : ip.getAddress().length * 8;
  }

  /** Whether {@code ip} is one of the IPs or in one of the ranges; false for null. */
  boolean contains(InetAddress ip) {
    if (ip == null) {
      return false;
    }
    byte[] addr = ip.getAddress();
    for (int k = 0; k < networks.size(); k++) {
      byte[] net = networks.get(k);
      if (net.length == addr.length && prefixMatches(net, addr, prefixes[k])) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixMatches(byte[] net, byte[] addr, int prefix) {
    int full = prefix / 8;
    for (int b = 0; b < full; b++) {
      if (net[b] != addr[b]) {
        return false;
      }
    }
    int rem = prefix % 8;
    int m = (0xff << (8 - rem)) & 0xff;
    return rem == 0 || (net[full] & m) == (addr[full] & m);
  }

  private static byte[] mask(byte[] addr, int prefix) {
    byte[] out = addr.clone();
    for (int bit = prefix; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }
}
