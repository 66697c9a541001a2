package io.cairn.gateway.tls;

import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point redirections ({@code entryPoints.web.http.redirections.entryPoint}): every request on
 * a redirecting entry point gets {@code Location: SCHEME://HOST[:PORT]URI}, where the port is the
 * target entry point's (or the {@code to} port itself when {@code to} is {@code :PORT}), left out
 * when it is the scheme's default (443 for https, 80 for http). Status as Traefik's {@code
 * redirectScheme}: permanent 301 for GET and 308 otherwise, else 302 and 307; the status text is the
 * body.
 *
 * <p>Traefik makes this a router of priority {@code MaxInt-1} on the entry point: in practice it
 * wins over every router, and so it does here (the {@code priority} option is not compared). Only
 * cleartext requests are redirected to https: a request already over TLS goes on to the routers.
 * Thread-safe and immutable.
 */
public final class Redirections implements RequestRouter {
  /**
   * Where one entry point redirects.
   *
   * @param scheme {@code https} (the default) or {@code http}
   * @param port the target port, or -1 to keep none
   * @param permanent 301/308 when true (the default), 302/307 otherwise
   */
  public record Rule(String scheme, int port, boolean permanent) {
    public Rule {
      Objects.requireNonNull(scheme, "scheme");
    }
  }

  private final Map<String, Rule> rules;
  private final RequestRouter next;

  /** {@code rules} by entry point name; other entry points go straight to {@code next}. */
  public Redirections(Map<String, Rule> rules, RequestRouter next) {
    this.rules = Map.copyOf(rules);
    this.next = Objects.requireNonNull(next, "next");
  }

  /**
   * The redirections of {@code entryPoints} ({@code http.redirections.entryPoint}); {@code
   * boundPort} gives the port an entry point listens on.
   *
   * @throws IllegalArgumentException when {@code to} names no entry point and is not {@code :PORT}
   */
  public static Redirections of(Map<String, io.cairn.gateway.config.EntryPoint> entryPoints,
      java.util.function.Function<String, java.util.OptionalInt> boundPort, RequestRouter next) {
    Map<String, Rule> rules = new java.util.HashMap<>();
    entryPoints.forEach((name, ep) -> ep.http().redirections().ifPresent(r -> {
      int port = r.to().matches(":\\d{1,5}") ? Integer.parseInt(r.to().substring(1))
          : boundPort.apply(r.to()).orElseThrow(() -> new IllegalArgumentException("entryPoints." + name
              + ".http.redirections.entryPoint.to is " + r.to() + "; expected an entry point name or :port"));
      rules.put(name, new Rule(r.scheme(), port, r.permanent()));
    }));
    return new Redirections(rules, next);
  }

  @Override
  public Target route(RequestHead head) {
    return route(head, new io.cairn.gateway.observe.RouteFacts());
  }

  @Override
  public Target route(RequestHead head, io.cairn.gateway.observe.RouteFacts facts) {
    Rule rule = rules.get(head.entryPoint());
    if (rule == null || (head.tls() && rule.scheme().equals("https"))) {
      return next.route(head, facts);
    }
    String host = hostOnly(head.host());
    if (host.isEmpty()) {
      return Target.Respond.text(400, "400 Bad Request: a redirect needs a Host header\n");
    }
    boolean defaultPort = rule.port() < 0 || (rule.scheme().equals("https") && rule.port() == 443)
        || (rule.scheme().equals("http") && rule.port() == 80);
    String location = rule.scheme() + "://" + host + (defaultPort ? "" : ":" + rule.port()) + originForm(head.uri());
    boolean get = head.method().equals("GET");
    int status = rule.permanent() ? (get ? 301 : 308) : (get ? 302 : 307);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Location", location);
    headers.put("Content-Type", "text/plain; charset=utf-8");
    return new Target.Respond(status, headers, (reason(status)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String reason(int status) {
    return switch (status) {
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 307 -> "Temporary Redirect";
      default -> "Permanent Redirect";
    };
  }

  /** The host without its port; IPv6 literals keep their brackets. */
  static String hostOnly(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? "" : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static String originForm(String uri) {
    if (uri.startsWith("/")) {
      return uri;
    }
    int scheme = uri.indexOf("://");
    int slash = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
    return slash < 0 ? "/" : uri.substring(slash);
  }
}
