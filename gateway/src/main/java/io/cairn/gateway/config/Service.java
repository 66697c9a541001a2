package io.cairn.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP service ({@code http.services.NAME}): exactly one of Traefik's four kinds, or cairn's
 * {@code fileServer}. The decoder
 * refuses a service with none or several kinds, so every value here has exactly one. References to
 * other services are {@code name} or {@code name@provider}. Defaults are Traefik's ({@code
 * SetDefaults} in {@code pkg/config/dynamic/http_config.go}).
 */
public sealed interface Service {

  /**
   * {@code loadBalancer}: spreads requests over servers.
   *
   * @param servers the upstream servers
   * @param strategy {@code "wrr"} (default, weighted round robin) or {@code "p2c"} (power of two
   *     choices)
   * @param sticky sticky sessions, when present
   * @param healthCheck active health checking, when present
   * @param passHostHeader forward the client's Host header (default true)
   * @param flushInterval {@code responseForwarding.flushInterval} (default 100ms; negative flushes
   *     after every write)
   * @param serversTransport a {@code serversTransports} name, or empty for the default transport
   */
  record LoadBalancer(
      List<Server> servers,
      String strategy,
      Optional<Sticky> sticky,
      Optional<HealthCheck> healthCheck,
      boolean passHostHeader,
      Duration flushInterval,
      String serversTransport)
      implements Service {
    public static final String DEFAULT_STRATEGY = "wrr";
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);

    public LoadBalancer {
      servers = Checks.list(servers);
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(sticky, "sticky");
      Objects.requireNonNull(healthCheck, "healthCheck");
      Objects.requireNonNull(flushInterval, "flushInterval");
      Objects.requireNonNull(serversTransport, "serversTransport");
    }
  }

  /**
   * One upstream server.
   *
   * @param url absolute URL, {@code http://host:port} (also {@code https}, {@code h2c})
   * @param weight relative weight for {@code wrr} (default 1)
   * @param preservePath keep the URL's path prefix when forwarding (default false)
   */
  record Server(String url, int weight, boolean preservePath) {
    public static final int DEFAULT_WEIGHT = 1;

    public Server {
      Objects.requireNonNull(url, "url");
    }
  }

  /** Sticky sessions; {@code cookie} empty means none is configured (then nothing sticks). */
  record Sticky(Optional<Cookie> cookie) {
    public Sticky {
      Objects.requireNonNull(cookie, "cookie");
    }
  }

  /**
   * The sticky cookie.
   *
   * @param name cookie name; empty means Traefik's generated name (a hash of the service name)
   * @param sameSite {@code ""}, {@code none}, {@code lax} or {@code strict}
   * @param maxAge seconds; 0 means a session cookie, negative expires it at once
   * @param path cookie path (default {@code /})
   * @param domain cookie domain, or empty
   */
  record Cookie(String name, boolean secure, boolean httpOnly, String sameSite, int maxAge, String path, String domain) {
    public Cookie {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sameSite, "sameSite");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(domain, "domain");
    }
  }

  /**
   * Active health check of a load balancer's servers ({@code ServerHealthCheck}).
   *
   * @param scheme replaces the server URL's scheme, or empty
   * @param mode {@code http} (default) or {@code grpc}
   * @param path request path (required by Traefik for mode http)
   * @param method request method, empty for GET
   * @param status expected status; 0 means any 2xx/3xx
   * @param port replaces the server URL's port; 0 keeps it
   * @param interval between checks (default 30s)
   * @param timeout per check (default 5s)
   * @param hostname Host header value, or empty
   * @param followRedirects follow redirects (default true)
   * @param headers extra request headers
   */
  record HealthCheck(
      String scheme,
      String mode,
      String path,
      String method,
      int status,
      int port,
      Duration interval,
      Duration timeout,
      String hostname,
      boolean followRedirects,
      Map<String, String> headers) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public HealthCheck {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(hostname, "hostname");
      headers = Checks.map(headers);
    }
  }

  /**
   * {@code weighted}: weighted round robin over other services.
   *
   * @param healthCheck whether the (empty) {@code healthCheck} section is present: propagate
   *     children's health upward
   */
  record Weighted(List<WeightedRef> services, Optional<Sticky> sticky, boolean healthCheck) implements Service {
    public Weighted {
      services = Checks.list(services);
      Objects.requireNonNull(sticky, "sticky");
    }
  }

  /** A service in a {@code weighted} list; weight defaults to 1. */
  record WeightedRef(String name, int weight) {
    public WeightedRef {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code mirroring}: sends each request to {@code service} and copies a share to each mirror.
   *
   * @param mirrorBody copy request bodies to mirrors (default true)
   * @param maxBodySize largest body mirrored, in bytes; -1 (default) means no limit
   */
  record Mirroring(String service, boolean mirrorBody, long maxBodySize, List<Mirror> mirrors, boolean healthCheck)
      implements Service {
    public Mirroring {
      Objects.requireNonNull(service, "service");
      mirrors = Checks.list(mirrors);
    }
  }

  /** A mirror: a service and the percentage (0–100) of requests it receives. */
  record Mirror(String name, int percent) {
    public Mirror {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code failover}: {@code service} while it is healthy, else {@code fallback}. */
  record Failover(String service, String fallback, boolean healthCheck) implements Service {
    public Failover {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(fallback, "fallback");
    }
  }

  /**
   * {@code fileServer} (a cairn extension, not in Traefik): serves a directory as Caddy's {@code
   * file_server} does. Usable as a router's service only; inside {@code weighted}, {@code
   * failover} or {@code mirroring} it has no server and answers 503.
   *
   * @param root the directory served (relative paths from the working directory); must exist
   * @param browse list directories without an index file (default false)
   * @param index index file names in order (default {@code index.html}, {@code index.txt})
   * @param precompressed sidecar encodings in preference order ({@code zstd}, {@code br}, {@code
   *     gzip}; default none)
   */
  record FileServer(String root, boolean browse, List<String> index, List<String> precompressed) implements Service {
    public static final List<String> DEFAULT_INDEX = List.of("index.html", "index.txt");

    public FileServer {
      Objects.requireNonNull(root, "root");
      index = Checks.list(index);
      precompressed = Checks.list(precompressed);
    }
  }
}
