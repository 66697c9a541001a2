package io.cairn.gateway.proxy;

import java.net.URI;
import java.util.Locale;

/**
 * Where upstream connections go and how they speak: the pool key. {@code http} is HTTP/1.1,
 * {@code h2c} HTTP/2 with prior knowledge, {@code https} TLS with ALPN (h2, then http/1.1).
 */
record Endpoint(String scheme, String host, int port, UpstreamTransport transport) {

  static Endpoint of(URI upstream, UpstreamTransport transport) {
    String scheme = upstream.getScheme().toLowerCase(Locale.ROOT);
    int port = upstream.getPort() >= 0 ? upstream.getPort() : scheme.equals("https") ? 443 : 80;
    return new Endpoint(scheme, upstream.getHost(), port, transport);
  }

  boolean tls() {
    return scheme.equals("https");
  }

  /** Whether every connection is HTTP/2 (h2c); https learns it from ALPN. */
  boolean h2Only() {
    return scheme.equals("h2c");
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
