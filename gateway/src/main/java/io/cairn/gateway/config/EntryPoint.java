package io.cairn.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A static entry point ({@code entryPoints.NAME}): where the gateway listens and how. Defaults are
 * Traefik's ({@code EntryPoint.SetDefaults}).
 *
 * @param address {@code [host]:port} optionally followed by {@code /tcp} or {@code /udp}, e.g.
 *     {@code :8080}
 * @param http router defaults for this entry point
 * @param http2 HTTP/2 limits
 * @param http3 present when HTTP/3 is enabled on this entry point
 * @param transport timeouts
 * @param forwardedHeaders which clients' {@code X-Forwarded-*} headers are trusted
 */
public record EntryPoint(
    String address, Http http, Http2 http2, Optional<Http3> http3, Transport transport, ForwardedHeaders forwardedHeaders) {

  public EntryPoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(http2, "http2");
    Objects.requireNonNull(http3, "http3");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(forwardedHeaders, "forwardedHeaders");
  }

  /** An entry point on {@code address} with every other option at its default. */
  public static EntryPoint at(String address) {
    return new EntryPoint(address, new Http(Optional.empty(), List.of(), Optional.empty()),
        new Http2(Http2.DEFAULT_MAX_CONCURRENT_STREAMS), Optional.empty(), Transport.defaults(),
        new ForwardedHeaders(List.of(), false));
  }

  /**
   * Defaults for the routers on this entry point.
   *
   * @param redirections {@code redirections.entryPoint}, when present
   * @param middlewares prepended to every router's middlewares on this entry point
   * @param tls TLS for every router on this entry point, when present
   */
  public record Http(Optional<Redirect> redirections, List<String> middlewares, Optional<Router.Tls> tls) {
    public Http {
      Objects.requireNonNull(redirections, "redirections");
      middlewares = Checks.list(middlewares);
      Objects.requireNonNull(tls, "tls");
    }
  }

  /**
   * Redirect everything to another entry point.
   *
   * @param to target entry point name, or a port ({@code ":443"})
   * @param scheme default {@code https}
   * @param permanent default true (308/301)
   * @param priority of the generated router (default {@code Long.MAX_VALUE - 1}, Go's {@code
   *     math.MaxInt - 1})
   */
  public record Redirect(String to, String scheme, boolean permanent, long priority) {
    public static final long DEFAULT_PRIORITY = Long.MAX_VALUE - 1;

    public Redirect {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(scheme, "scheme");
    }
  }

  /** HTTP/2: concurrent streams per connection (default 250). */
  public record Http2(int maxConcurrentStreams) {
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 250;
  }

  /** HTTP/3: the UDP port advertised in {@code Alt-Svc}; 0 means the entry point's own port. */
  public record Http3(int advertisedPort) {}

  /**
   * Connection timeouts; zero means none.
   *
   * @param readTimeout default 60s
   * @param writeTimeout default 0
   * @param idleTimeout default 180s
   * @param requestAcceptGraceTimeout keep accepting for this long after a stop is asked (default 0)
   * @param graceTimeOut let active requests finish for this long on stop (default 10s)
   */
  public record Transport(
      Duration readTimeout, Duration writeTimeout, Duration idleTimeout, Duration requestAcceptGraceTimeout,
      Duration graceTimeOut) {
    public static final Duration DEFAULT_READ = Duration.ofSeconds(60);
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(180);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    public Transport {
      Objects.requireNonNull(readTimeout, "readTimeout");
      Objects.requireNonNull(writeTimeout, "writeTimeout");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      Objects.requireNonNull(requestAcceptGraceTimeout, "requestAcceptGraceTimeout");
      Objects.requireNonNull(graceTimeOut, "graceTimeOut");
    }

    public static Transport defaults() {
      return new Transport(DEFAULT_READ, Duration.ZERO, DEFAULT_IDLE, Duration.ZERO, DEFAULT_GRACE);
    }
  }

  /** Trust {@code X-Forwarded-*} from {@code trustedIPs} (IPs/CIDRs), or from everyone if {@code insecure}. */
  public record ForwardedHeaders(List<String> trustedIPs, boolean insecure) {
    public ForwardedHeaders {
      trustedIPs = Checks.list(trustedIPs);
    }
  }
}
