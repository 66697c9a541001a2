package io.cairn.gateway.service;

import java.time.Duration;
import java.util.Map;

/**
 * An active health check of a {@code loadBalancer} service's servers, with Traefik's option names and
 * defaults.
 *
 * @param scheme replaces the server URL's scheme when not empty
 * @param path the path (and query) requested, e.g. {@code /health}
 * @param method {@code GET} by default
 * @param status the expected status code; 0 = any 2xx or 3xx (Traefik's default)
 * @param port replaces the server URL's port when not 0
 * @param interval between checks of one server; 30 s by default
 * @param timeout for one check; 5 s by default
 * @param hostname the {@code Host} sent when not empty
 * @param followRedirects whether redirects are followed (default true)
 * @param headers extra request headers
 */
public record HealthCheckSpec(
    String scheme, String path, String method, int status, int port, Duration interval, Duration timeout,
    String hostname, boolean followRedirects, Map<String, String> headers) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public HealthCheckSpec {
    scheme = scheme == null ? "" : scheme;
    path = path == null || path.isEmpty() ? "/" : path;
    method = method == null || method.isEmpty() ? "GET" : method;
    interval = interval == null ? DEFAULT_INTERVAL : interval;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    hostname = hostname == null ? "" : hostname;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("health check interval must be positive, got " + interval);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("health check timeout must be positive, got " + timeout);
    }
  }

  /** A check of {@code path} with every other option at its default. */
  public static HealthCheckSpec of(String path) {
    return new HealthCheckSpec("", path, "GET", 0, 0, null, null, "", true, Map.of());
  }

  /** Whether {@code code} counts as healthy. */
  boolean healthy(int code) {
    return status != 0 ? code == status : code >= 200 && code < 400;
  }
}
