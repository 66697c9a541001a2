package io.cairn.gateway.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the servers of one service: Traefik's {@code serversTransports} options that the
 * proxy applies per request. Compared by value: upstream connections are pooled per transport, so
 * two services with equal transports share connections.
 *
 * @param serverName SNI and the name the upstream certificate must match; empty for the URL's host
 * @param insecureSkipVerify accept any upstream certificate (Traefik's option, default false)
 * @param rootCAs CA certificates, each a PEM file path or PEM text; when non-empty they replace the
 *     JVM's default trust store for this transport (as Traefik replaces the system pool)
 * @param disableHttp2 offer only http/1.1 in ALPN to {@code https://} servers (default false)
 * @param dialTimeout connect timeout; zero means the proxy's default ({@link ProxyOptions})
 * @param responseHeaderTimeout time to the response head; zero means the proxy's default
 * @param certificates client certificates shown to {@code https://} servers that ask for one
 *     (mutual TLS; Traefik's {@code certificates}); the JDK's key manager picks the one whose
 *     issuer the server accepts, else the first
 */
public record UpstreamTransport(
    String serverName,
    boolean insecureSkipVerify,
    List<String> rootCAs,
    boolean disableHttp2,
    Duration dialTimeout,
    Duration responseHeaderTimeout,
    List<ClientCertificate> certificates) {

  /** Every option at its default. */
  public static final UpstreamTransport DEFAULT =
      new UpstreamTransport("", false, List.of(), false, Duration.ZERO, Duration.ZERO);

  /**
   * A client certificate: the chain (leaf first) and its private key, each a PEM file path or PEM
   * text.
   */
  public record ClientCertificate(String certFile, String keyFile) {
    public ClientCertificate {
      Objects.requireNonNull(certFile, "certFile");
      Objects.requireNonNull(keyFile, "keyFile");
    }
  }

  /** A transport without client certificates. */
  public UpstreamTransport(String serverName, boolean insecureSkipVerify, List<String> rootCAs, boolean disableHttp2,
      Duration dialTimeout, Duration responseHeaderTimeout) {
    this(serverName, insecureSkipVerify, rootCAs, disableHttp2, dialTimeout, responseHeaderTimeout, List.of());
  }

  public UpstreamTransport {
    Objects.requireNonNull(serverName, "serverName");
    rootCAs = List.copyOf(Objects.requireNonNull(rootCAs, "rootCAs"));
    certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
    Objects.requireNonNull(dialTimeout, "dialTimeout");
    Objects.requireNonNull(responseHeaderTimeout, "responseHeaderTimeout");
    if (dialTimeout.isNegative() || dialTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "dialTimeout is " + dialTimeout + "; expected >= 0 (0 = default) and < 24 days");
    }
    if (responseHeaderTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "responseHeaderTimeout is " + responseHeaderTimeout + "; expected >= 0 (0 = default)");
    }
  }

  public UpstreamTransport withInsecureSkipVerify(boolean v) {
    return new UpstreamTransport(serverName, v, rootCAs, disableHttp2, dialTimeout,
        responseHeaderTimeout, certificates);
  }

  public UpstreamTransport withRootCAs(List<String> v) {
    return new UpstreamTransport(serverName, insecureSkipVerify, v, disableHttp2, dialTimeout,
        responseHeaderTimeout, certificates);
  }

  public UpstreamTransport withServerName(String v) {
    return new UpstreamTransport(v, insecureSkipVerify, rootCAs, disableHttp2, dialTimeout,
        responseHeaderTimeout, certificates);
  }

  public UpstreamTransport withDisableHttp2(boolean v) {
    return new UpstreamTransport(serverName, insecureSkipVerify, rootCAs, v, dialTimeout,
        responseHeaderTimeout, certificates);
  }

  public UpstreamTransport withCertificates(List<ClientCertificate> v) {
    return new UpstreamTransport(serverName, insecureSkipVerify, rootCAs, disableHttp2, dialTimeout,
        responseHeaderTimeout, v);
  }
}
