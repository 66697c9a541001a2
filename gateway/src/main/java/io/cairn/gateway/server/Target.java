package io.cairn.gateway.server;

import io.cairn.gateway.proxy.ExchangeHooks;
import io.cairn.gateway.proxy.UpstreamTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** Where a routed request goes: forwarded to an upstream, or answered on the spot. */
public sealed interface Target {

  /**
   * Forward the request to an upstream, streaming both bodies.
   *
   * @param upstream {@code http://host:port} (HTTP/1.1), {@code h2c://host:port} (HTTP/2 with prior
   *     knowledge) or {@code https://host:port} (TLS, ALPN h2 then http/1.1); a path, query or user
   *     info is not allowed (the request's own path is sent unchanged)
   * @param passHostHeader send the client's {@code Host} (Traefik's default, true) or the upstream's
   *     authority
   * @param hooks the routing layer's request/response edits and outcome callback
   * @param transport the upstream's TLS and timeout settings (Traefik's serversTransport)
   */
  record Proxy(URI upstream, boolean passHostHeader, ExchangeHooks hooks,
      UpstreamTransport transport) implements Target {
    /** A proxy target with the default transport. */
    public Proxy(URI upstream, boolean passHostHeader, ExchangeHooks hooks) {
      this(upstream, passHostHeader, hooks, UpstreamTransport.DEFAULT);
    }

    /** A proxy target without hooks. */
    public Proxy(URI upstream, boolean passHostHeader) {
      this(upstream, passHostHeader, ExchangeHooks.NONE);
    }

    public Proxy {
      Objects.requireNonNull(upstream, "upstream");
      Objects.requireNonNull(hooks, "hooks");
      Objects.requireNonNull(transport, "transport");
      Checks.requireArgument(
          upstream.getScheme() != null
              && java.util.Set.of("http", "https", "h2c").contains(
                  upstream.getScheme().toLowerCase(java.util.Locale.ROOT)),
          "upstream %s has scheme %s; expected http, https or h2c", upstream, upstream.getScheme());
      Checks.requireArgument(
          upstream.getHost() != null && !upstream.getHost().isEmpty(),
          "upstream %s has no host; expected http://host:port", upstream);
      Checks.requireArgument(
          upstream.getRawPath() == null || upstream.getRawPath().isEmpty()
              || upstream.getRawPath().equals("/"),
          "upstream %s has a path; expected http://host:port only", upstream);
      Checks.requireArgument(
          upstream.getRawQuery() == null && upstream.getRawUserInfo() == null,
          "upstream %s has a query or user info; expected http://host:port only", upstream);
    }

    /** Proxy to {@code upstream} passing the client's Host header (Traefik's default). */
    public static Proxy to(URI upstream) {
      return new Proxy(upstream, true);
    }

    /** The upstream's port, 80 (443 for https) when the URI names none. */
    public int port() {
      return upstream.getPort() >= 0 ? upstream.getPort()
          : "https".equalsIgnoreCase(upstream.getScheme()) ? 443 : 80;
    }
  }

  /**
   * Answer directly with a complete response; the request body, if any, is read and dropped.
   *
   * @param status an HTTP status code, 200..599
   * @param headers response headers (names case-insensitive; Content-Length is computed and must not
   *     be given)
   * @param body the body bytes, possibly empty; the array is not copied and must not be mutated
   */
  record Respond(int status, Map<String, String> headers, byte[] body) implements Target {
    public Respond {
      Checks.requireArgument(
          status >= 200 && status <= 599, "status %s is out of range; expected 200..599", status);
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
      for (String name : headers.keySet()) {
        Checks.requireArgument(
            !name.equalsIgnoreCase("content-length"),
            "Respond computes Content-Length itself; remove header %s", name);
      }
    }

    /** A {@code text/plain; charset=utf-8} answer, the way Go's {@code http.Error} writes one. */
    public static Respond text(int status, String body) {
      return new Respond(
          status,
          Map.of("Content-Type", "text/plain; charset=utf-8", "X-Content-Type-Options", "nosniff"),
          body.getBytes(StandardCharsets.UTF_8));
    }

    /** Traefik's answer when no router matches: {@code 404 page not found\n}. */
    public static Respond notFound() {
      return text(404, "404 page not found\n");
    }
  }
}
