package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Chain;
import io.cairn.gateway.middleware.Completion;
import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.middleware.HeaderMap;
import io.cairn.gateway.middleware.Outcome;
import io.cairn.gateway.middleware.ResponseHead;
import io.cairn.gateway.observe.RouteFacts;
import io.cairn.gateway.proxy.ReverseProxy;
import io.cairn.gateway.router.BasicRequest;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import io.cairn.gateway.service.Route;
import io.netty.handler.codec.http.HttpHeaderNames;
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
import io.cairn.gateway.observe.http.InternalAnswers;

/**
 * The entry points' {@link RequestRouter} over the live {@link Routing}: router match, the router's
 * middlewares, then the service's choice of server. No router: Traefik's {@code 404 page not found};
 * no server up: {@code 503 no available server}; a middleware that answers (401, 403, 429, a
 * redirect, a CORS preflight, …) answers without the service. Thread-safe; reads the routing through
 * a supplier so that a reload swaps it without locking.
 *
 * <p>A rate limiter's delay and the {@code forwardAuth} calls are carried out after routing, by the
 * {@link GatewayForwarder}, before the request is forwarded ({@link PreForward}).
 */
final class GatewayRouter implements RequestRouter {
  private final Supplier<Routing> routing;
  private final SideClient side;
  private final Supplier<InternalAnswers> internal;

  GatewayRouter(Supplier<Routing> routing, SideClient side) {
    this(routing, side, InternalAnswers::none);
  }

  /** @param internal what routers naming {@code api@internal}, {@code ping@internal}, … get */
  GatewayRouter(Supplier<Routing> routing, SideClient side, Supplier<InternalAnswers> internal) {
    this.routing = routing;
    this.side = side;
    this.internal = internal;
  }

  @Override
  public Target route(RequestHead head) {
    return route(head, new RouteFacts());
  }

  @Override
  public Target route(RequestHead head, RouteFacts facts) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    head.headers().forEach(e -> {
      if (!ReverseProxy.isForwardedHeader(e.getKey())) { // the client's are replaced, never trusted
        headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue());
      }
    });
    BasicRequest view = BasicRequest.of(head.method(), head.host(), head.uri(), headers, head.remoteAddress());
    Routing now = routing.get();
    Optional<Routing.Routed> match = now.match(head.entryPoint(), head.tls(), view);
    if (match.isEmpty()) {
      return Target.Respond.notFound();
    }
    Routing.Routed routed = match.get();
    facts.router(routed.router()).service(routed.service().name());
    Chain chain = routed.chain();
    HeaderMap headerMap = new HeaderMap();
    headers.forEach((name, values) -> values.forEach(v -> headerMap.add(name, v)));
    // only middlewares edit the request headers: without any there is nothing to compare with
    HeaderMap original = chain.middlewares().isEmpty() ? null : new HeaderMap(headerMap);
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
      return held(outcome, chain, exchange, cookies -> FileAnswers.serve(files, head, exchange, chain, cookies));
    }
    if (routed.service() instanceof io.cairn.gateway.service.InternalService s) {
      facts.service(s.name());
      return held(outcome, chain, exchange, cookies -> internalAnswer(s, chain, exchange, cookies));
    }
    List<String> cookies = head.headers().getAll(HttpHeaderNames.COOKIE);
    Optional<Route> route = routed.service().route(cookies);
    if (route.isEmpty()) {
      exchange.complete(new Completion(503, false, Duration.ZERO));
      return Target.Respond.text(503, "no available server\n");
    }
    Route r = route.get();
    URI url = r.target().url();
    facts.service(r.target().service()).serviceUrl(url.toString());
    try {
      URI authority = authority(url);
      RoutedHooks hooks = new RoutedHooks(r, exchange, original, chain,
          chain.retryPolicy().map(p -> new Retries(p, routed.service(), cookies)).orElse(null), side);
      java.util.List<io.cairn.gateway.middleware.Deferred> deferred = chain.deferred();
      long maxBody = bufferingLimit(deferred, io.cairn.gateway.config.Middleware.Buffering::maxRequestBodyBytes);
      hooks.preForward(PreForward.of(((Outcome.Proceed) outcome).delay(), chain.forwardAuths(), maxBody, exchange, side));
      if (!deferred.isEmpty()) {
        deferred.stream().filter(d -> d.config() instanceof io.cairn.gateway.config.Middleware.Errors).findFirst()
            .ifPresent(d -> {
              var e = (io.cairn.gateway.config.Middleware.Errors) d.config();
              hooks.errorPages(new ErrorPages(ErrorPages.ranges(e.status()), e.query(),
                  now.service(e.service()).orElse(null), exchange, side));
            });
        long maxResponse = bufferingLimit(deferred, io.cairn.gateway.config.Middleware.Buffering::maxResponseBodyBytes);
        if (maxResponse > 0) {
          hooks.responseLimit(new ResponseLimit(maxResponse, head.method().equals("HEAD")));
        }
        FileAnswers.compression(chain, head).ifPresent(c -> hooks.compress(c.policy(), c.encoding()));
      }
      return new Target.Proxy(authority, r.target().passHostHeader(), hooks, r.target().transport());
    } catch (URISyntaxException | IllegalArgumentException e) {
      RouteEnd.release(r, exchange, 502, false);
      return Target.Respond.text(502, "bad upstream " + url + ": " + e.getMessage() + "\n");
    }
  }

  /**
   * The servers' {@code scheme://host:port} the proxy connects to, by server URL. The URLs come
   * from the configuration, so the map stays as small as the set of servers ever configured (a
   * reload that drops every server of a large configuration leaves its entries; they are a few
   * hundred bytes each).
   */
  private final java.util.concurrent.ConcurrentHashMap<URI, URI> authorities = new java.util.concurrent.ConcurrentHashMap<>();

  private URI authority(URI url) throws URISyntaxException {
    URI a = authorities.get(url);
    if (a == null) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("h2c")) {
        throw new IllegalArgumentException("upstream scheme " + url.getScheme() + " is not supported; expected http, https or h2c");
      }
      a = new URI(scheme, null, url.getHost(), url.getPort(), null, null, null);
      if (authorities.size() < 10_000) {
        authorities.put(url, a);
      }
    }
    return a;
  }

  /** The smallest positive {@code limit} of the chain's {@code buffering} middlewares; 0 for none. */
  private static long bufferingLimit(List<io.cairn.gateway.middleware.Deferred> deferred,
      java.util.function.ToLongFunction<io.cairn.gateway.config.Middleware.Buffering> limit) {
    return deferred.stream().map(d -> d.config())
        .filter(c -> c instanceof io.cairn.gateway.config.Middleware.Buffering)
        .mapToLong(c -> limit.applyAsLong((io.cairn.gateway.config.Middleware.Buffering) c))
        .filter(m -> m > 0).min().orElse(0);
  }

  /**
   * An answer the gateway makes itself ({@code serve}, given forwardAuth's cookies), held as a
   * forward is by the rate-limit delay and the forwardAuth calls when the router has them. The
   * request body is not read first, so {@code forwardBody} sends none here.
   */
  private Target held(Outcome outcome, Chain chain, Exchange exchange,
      java.util.function.Function<List<String>, Target> serve) {
    PreForward pre = PreForward.of(((Outcome.Proceed) outcome).delay(), chain.forwardAuths(), exchange, side);
    if (pre == null) {
      return serve.apply(List.of());
    }
    return new Target.Deferred(loop -> pre.run(loop).<Target>thenApply(decision -> switch (decision) {
      case PreForward.Go go -> serve.apply(go.cookies());
      case PreForward.Answer a -> answer(chain, exchange, a.response());
    }).whenComplete((t, error) -> {
      if (error != null) { // the server answers 500; the middlewares' completion hooks must still run
        exchange.complete(new Completion(500, false, Duration.ZERO));
      }
    }));
  }

  /** An internal service's answer to the request as the middlewares left it (404 when it has none). */
  private Target internalAnswer(io.cairn.gateway.service.InternalService s, Chain chain, Exchange exchange,
      List<String> authCookies) {
    Target.Respond r = internal.get().answer(s.kind(), exchange.method(), exchange.path(), exchange.rawQuery())
        .orElseGet(Target.Respond::notFound);
    HeaderMap h = new HeaderMap();
    r.headers().forEach(h::add);
    r.setCookies().forEach(c -> h.add("Set-Cookie", c));
    authCookies.forEach(c -> h.add("Set-Cookie", c));
    return answer(chain, exchange, new Outcome.Respond(r.status(), h, r.body()));
  }

  /** A middleware's own answer, after the middlewares' response edits. */
  private static Target answer(Chain chain, Exchange exchange, Outcome.Respond r) {
    ResponseHead head = new ResponseHead(r.status(), r.headers());
    chain.onResponse(exchange, head);
    exchange.complete(new Completion(head.status(), false, Duration.ZERO));
    Map<String, String> out = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    head.headers().forEach((k, v) -> {
      if (k.equalsIgnoreCase("set-cookie")) {
        cookies.add(v);
      } else if (!k.equalsIgnoreCase("content-length")) {
        out.merge(k, v, (a, b) -> a + ", " + b);
      }
    });
    return new Target.Respond(head.status(), out, r.body(), cookies);
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
}
