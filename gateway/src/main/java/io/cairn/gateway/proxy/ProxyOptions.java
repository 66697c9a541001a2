package io.cairn.gateway.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * Upstream connection settings, after Traefik's {@code serversTransport} defaults.
 *
 * @param maxIdlePerHost idle keep-alive connections kept per upstream and per event loop
 *     (Traefik's {@code maxIdleConnsPerHost}, 200); extra ones are closed when released
 * @param idleTimeout how long an idle pooled connection is kept (Traefik's {@code
 *     forwardingTimeouts.idleConnTimeout}, 90 s)
 * @param dialTimeout connect timeout; expiry answers 504 (Traefik's {@code dialTimeout}, 30 s)
 * @param responseHeaderTimeout time from the request head being sent to the response head; expiry
 *     answers 504. Zero disables it (Traefik's {@code responseHeaderTimeout} default, 0)
 * @param maxResponseHeaderBytes largest upstream response head before 502
 */
public record ProxyOptions(
    int maxIdlePerHost,
    Duration idleTimeout,
    Duration dialTimeout,
    Duration responseHeaderTimeout,
    int maxResponseHeaderBytes) {

  public ProxyOptions {
    requireArgument(maxIdlePerHost >= 0, "maxIdlePerHost is %s; expected >= 0", maxIdlePerHost);
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(dialTimeout, "dialTimeout");
    Objects.requireNonNull(responseHeaderTimeout, "responseHeaderTimeout");
    requireArgument(idleTimeout.isPositive(), "idleTimeout is %s; expected > 0", idleTimeout);
    requireArgument(dialTimeout.isPositive() && dialTimeout.toMillis() <= Integer.MAX_VALUE,
        "dialTimeout is %s; expected > 0 and < 24 days", dialTimeout);
    requireArgument(!responseHeaderTimeout.isNegative(),
        "responseHeaderTimeout is %s; expected >= 0 (0 = none)", responseHeaderTimeout);
    requireArgument(maxResponseHeaderBytes >= 1024,
        "maxResponseHeaderBytes is %s; expected at least 1024", maxResponseHeaderBytes);
  }

  public static ProxyOptions defaults() {
    return new ProxyOptions(200, Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ZERO,
        1024 * 1024);
  }

  public ProxyOptions withResponseHeaderTimeout(Duration v) {
    return new ProxyOptions(maxIdlePerHost, idleTimeout, dialTimeout, v, maxResponseHeaderBytes);
  }

  public ProxyOptions withDialTimeout(Duration v) {
    return new ProxyOptions(maxIdlePerHost, idleTimeout, v, responseHeaderTimeout,
        maxResponseHeaderBytes);
  }

  public ProxyOptions withMaxIdlePerHost(int v) {
    return new ProxyOptions(v, idleTimeout, dialTimeout, responseHeaderTimeout,
        maxResponseHeaderBytes);
  }

  public ProxyOptions withIdleTimeout(Duration v) {
    return new ProxyOptions(maxIdlePerHost, v, dialTimeout, responseHeaderTimeout,
        maxResponseHeaderBytes);
  }

  private static void requireArgument(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(template, args));
    }
  }
}
