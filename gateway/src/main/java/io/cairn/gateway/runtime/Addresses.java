package io.cairn.gateway.runtime;

import java.net.InetSocketAddress;

/** Traefik's entry point addresses: {@code :8080}, {@code 127.0.0.1:8080}, {@code [::1]:8443}, {@code :8080/tcp}. */
final class Addresses {
  private Addresses() {}

  /**
   * The socket address to bind; an empty host means every interface.
   *
   * @throws IllegalArgumentException naming the address and what was expected
   */
  static InetSocketAddress parse(String address) {
    String a = address.strip();
    int slash = a.lastIndexOf('/');
    if (slash >= 0) {
      String proto = a.substring(slash + 1);
      if (!proto.equalsIgnoreCase("tcp")) {
        throw new IllegalArgumentException("entry point address " + address + " uses protocol " + proto
            + "; only tcp is supported (udp is for HTTP/3, which is not built yet)");
      }
      a = a.substring(0, slash);
    }
    int colon = a.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("entry point address " + address + " has no port; expected host:port or :port");
    }
    String host = a.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(a.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("entry point address " + address + " has a bad port; expected 0..65535");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("entry point address " + address + " has port " + port + "; expected 0..65535");
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
