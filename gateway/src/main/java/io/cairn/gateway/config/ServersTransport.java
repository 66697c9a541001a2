package io.cairn.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the gateway talks to upstream servers ({@code http.serversTransports.NAME}).
 *
 * @param serverName SNI sent upstream, or empty for the URL's host
 * @param rootCAs CA certificates (file paths or PEM content) trusted in addition to the system's
 * @param certificates client certificates for mTLS towards servers
 * @param maxIdleConnsPerHost idle keep-alive connections kept per host (default 200, Traefik's
 *     {@code DefaultMaxIdleConnsPerHost}; 0 in the file also means 200; negative disables keeping)
 */
public record ServersTransport(
    String serverName,
    boolean insecureSkipVerify,
    List<String> rootCAs,
    List<TlsConfig.Certificate> certificates,
    int maxIdleConnsPerHost,
    ForwardingTimeouts forwardingTimeouts,
    boolean disableHTTP2,
    String peerCertURI) {
  public static final int DEFAULT_MAX_IDLE_CONNS_PER_HOST = 200;

  public ServersTransport {
    Objects.requireNonNull(serverName, "serverName");
    rootCAs = Checks.list(rootCAs);
    certificates = Checks.list(certificates);
    Objects.requireNonNull(forwardingTimeouts, "forwardingTimeouts");
    Objects.requireNonNull(peerCertURI, "peerCertURI");
  }

  /** The default transport: every option at Traefik's default. */
  public static ServersTransport defaults() {
    return new ServersTransport("", false, List.of(), List.of(), DEFAULT_MAX_IDLE_CONNS_PER_HOST,
        ForwardingTimeouts.defaults(), false, "");
  }

  /**
   * Upstream timeouts; zero means none. Defaults (Traefik's): dialTimeout 30s,
   * responseHeaderTimeout 0, idleConnTimeout 90s, readIdleTimeout 0, pingTimeout 15s.
   */
  public record ForwardingTimeouts(
      Duration dialTimeout,
      Duration responseHeaderTimeout,
      Duration idleConnTimeout,
      Duration readIdleTimeout,
      Duration pingTimeout) {
    public static final Duration DEFAULT_DIAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_CONN = Duration.ofSeconds(90);
    public static final Duration DEFAULT_PING = Duration.ofSeconds(15);

    public ForwardingTimeouts {
      Objects.requireNonNull(dialTimeout, "dialTimeout");
      Objects.requireNonNull(responseHeaderTimeout, "responseHeaderTimeout");
      Objects.requireNonNull(idleConnTimeout, "idleConnTimeout");
      Objects.requireNonNull(readIdleTimeout, "readIdleTimeout");
      Objects.requireNonNull(pingTimeout, "pingTimeout");
    }

    public static ForwardingTimeouts defaults() {
      return new ForwardingTimeouts(DEFAULT_DIAL, Duration.ZERO, DEFAULT_IDLE_CONN, Duration.ZERO, DEFAULT_PING);
    }
  }
}
