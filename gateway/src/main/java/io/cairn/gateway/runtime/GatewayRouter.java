package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Chain;
import io.cairn.gateway.middleware.Completion;
import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.middleware.HeaderMap;
import io.cairn.gateway.middleware.Outcome;
import io.cairn.gateway.middleware.ResponseHead;
import io.cairn.gateway.proxy.ReverseProxy;
import io.cairn.gateway.router.BasicRequest;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import io.cairn.gateway.service.Route;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entry points' {@link RequestRouter} over the live {@link Routing}: router match, the router's
 * middlewares, then the service's choice of server. No router: Traefik's {@code 404 page not found};
 * no server up: {@code 503 no available server}; a middleware that answers (401, 403, 429, a
 * redirect, a CORS preflight, …) answers without the service. Thread-safe; reads the routing through
 * a supplier so that a reload swaps it without locking.
 *
 * <p>Not yet: a rate limiter's delay (a request allowed after waiting) is not waited; the request
 * goes on at once.
 */
final class GatewayRouter implements RequestRouter {
  private final Supplier<Routing> routing;

  GatewayRouter(Supplier<Routing> routing) {
    this.routing = routing;
  }

  @Override
  public Target route(RequestHead head) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    head.headers().forEach(e -> {
      if (!ReverseProxy.isForwardedHeader(e.getKey())) { // the client's are replaced, never trusted
        headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue());
      }
    });
    BasicRequest view = BasicRequest.of(head.method(), head.host(), head.uri(), headers, goRemoteAddr(head.remoteAddress()));
    Optional<Routing.Routed> match = routing.get().match(head.entryPoint(), head.tls(), view);
    if (match.isEmpty()) {
      return Target.Respond.notFound();
    }
    Routing.Routed routed = match.get();
    Chain chain = routed.chain();
    HeaderMap headerMap = new HeaderMap();
    headers.forEach((name, values) -> values.forEach(v -> headerMap.add(name, v)));
    HeaderMap original = new HeaderMap(headerMap);
    Exchange exchange;
    try {
      exchange = new Exchange(head.method(), head.tls() ? "https" : "http", head.host(), originForm(head.uri()), headerMap,
          ip(head.remoteAddress()), head.remoteAddress().getPort(), head.tls());
    } catch (IllegalArgumentException e) {
      return Target.Respond.text(400, "400 Bad Request\n");
    }
    Outcome outcome;
    try {
      outcome = chain.onRequest(exchange);
    } catch (RuntimeException e) {
      exchange.complete(new Completion(500, false, Duration.ZERO));
      throw e; // the entry point answers 500
    }
    if (outcome instanceof Outcome.Respond r) {
      return answer(chain, exchange, r);
    }
    if (routed.service() instanceof io.cairn.gateway.service.FileServerService files) {
      return FileAnswers.serve(files, head, exchange, chain);
    }
    Optional<Route> route = routed.service().route(head.headers().getAll(HttpHeaderNames.COOKIE));
    if (route.isEmpty()) {
      exchange.complete(new Completion(503, false, Duration.ZERO));
      return Target.Respond.text(503, "no available server\n");
    }
    Route r = route.get();
    URI url = r.target().url();
    try {
      if (!"http".equalsIgnoreCase(url.getScheme())) {
        throw new IllegalArgumentException("upstream scheme " + url.getScheme() + " is not supported yet");
      }
      URI authority = new URI("http", null, url.getHost(), url.getPort(), null, null, null);
      RoutedHooks hooks = new RoutedHooks(r, exchange, original, chain);
      FileAnswers.compression(chain, head).ifPresent(c -> hooks.compress(c.policy(), c.encoding()));
      return new Target.Proxy(authority, r.target().passHostHeader(), hooks);
    } catch (URISyntaxException | IllegalArgumentException e) {
      RoutedHooks.release(r, exchange, 502, false);
      return Target.Respond.text(502, "bad upstream " + url + ": " + e.getMessage() + "\n");
    }
  }

  /** A middleware's own answer, after the middlewares' response edits. */
  private static Target answer(Chain chain, Exchange exchange, Outcome.Respond r) {
    ResponseHead head = new ResponseHead(r.status(), r.headers());
    chain.onResponse(exchange, head);
    exchange.complete(new Completion(head.status(), false, Duration.ZERO));
    Map<String, String> out = new LinkedHashMap<>();
    head.headers().forEach((k, v) -> {
      if (!k.equalsIgnoreCase("content-length")) {
        out.merge(k, v, (a, b) -> a + ", " + b);
      }
    });
    return new Target.Respond(head.status(), out, r.body());
  }

  /** The origin form of a request target ({@code http://h/p?q} becomes {@code /p?q}). */
  static String originForm(String uri) {
    if (uri.startsWith("/") || uri.equals("*")) {
      return uri;
    }
    int scheme = uri.indexOf("://");
    int slash = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
    int query = scheme < 0 ? -1 : uri.indexOf('?', scheme + 3);
    if (slash < 0 || (query >= 0 && query < slash)) {
      return "/" + (query < 0 ? "" : uri.substring(query));
    }
    return uri.substring(slash);
  }

  private static String ip(InetSocketAddress a) {
    return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
  }

  /** {@code ip:port} as Go's {@code RemoteAddr}, IPv6 in brackets. */
  static String goRemoteAddr(InetSocketAddress a) {
    String ip = ip(a);
    return (a.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + a.getPort();
  }
}
