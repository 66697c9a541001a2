package io.cairn.gateway.runtime;

import io.cairn.gateway.router.BasicRequest;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import io.cairn.gateway.service.Route;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entry points' {@link RequestRouter} over the live {@link Routing}: router match, then the
 * service's choice of server. No router: Traefik's {@code 404 page not found}; no server up: {@code
 * 503 no available server}. Thread-safe; reads the routing through a supplier so that a reload
 * swaps it without locking.
 */
final class GatewayRouter implements RequestRouter {
  private final Supplier<Routing> routing;

  GatewayRouter(Supplier<Routing> routing) {
    this.routing = routing;
  }

  @Override
  public Target route(RequestHead head) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    head.headers().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue()));
    BasicRequest view = BasicRequest.of(head.method(), head.host(), head.uri(), headers, goRemoteAddr(head.remoteAddress()));
    Optional<Routing.Routed> routed = routing.get().match(head.entryPoint(), head.tls(), view);
    if (routed.isEmpty()) {
      return Target.Respond.notFound();
    }
    Optional<Route> route = routed.get().service().route(head.headers().getAll(HttpHeaderNames.COOKIE));
    if (route.isEmpty()) {
      return Target.Respond.text(503, "no available server\n");
    }
    Route r = route.get();
    URI url = r.target().url();
    URI authority = URI.create(url.getScheme() + "://" + url.getRawAuthority());
    if (!"http".equalsIgnoreCase(url.getScheme())) {
      r.finished(false);
      return Target.Respond.text(502, "upstream scheme " + url.getScheme() + " is not supported yet\n");
    }
    return new Target.Proxy(authority, r.target().passHostHeader(), new RoutedHooks(r));
  }

  /** {@code ip:port} as Go's {@code RemoteAddr}, IPv6 in brackets. */
  static String goRemoteAddr(InetSocketAddress a) {
    String ip = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
    return (a.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + a.getPort();
  }
}
