package io.cairn.common.config;

import java.net.InetSocketAddress;

/** A listen or dial address, {@code host:port}; port 0 asks the operating system for a free port. */
public record HostPort(String host, int port) {

  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("expected a host before ':', got an empty host");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("expected a port from 0 to 65535, got " + port);
    }
  }

  /** Parses {@code host:port} or {@code [ipv6]:port}. */
  public static HostPort parse(String text) {
    String t = text.strip();
    int colon = t.lastIndexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException("expected host:port (for example 127.0.0.1:9901)");
    }
    String host = t.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port with a numeric port from 0 to 65535");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("expected host:port with a port from 0 to 65535");
    }
    return new HostPort(host, port);
  }

  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
