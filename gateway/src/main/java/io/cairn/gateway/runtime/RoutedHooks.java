package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Chain;
import io.cairn.gateway.middleware.Completion;
import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.middleware.HeaderMap;
import io.cairn.gateway.middleware.ResponseHead;
import io.cairn.gateway.proxy.ExchangeHooks;
import io.cairn.gateway.service.Route;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/**
 * The hooks of one routed request: the middlewares' rewrites of the request (target, headers,
 * host) applied to what the proxy sends, the server URL's path put before the request path (Go's
 * {@code singleJoiningSlash}), the sticky cookies and the middlewares' response edits applied to the
 * response head, and the outcome handed back to the service (in-flight counts, passive health) and to
 * the middlewares ({@code inFlightReq}, {@code circuitBreaker}).
 *
 * <p>Only what the middlewares changed is applied to the request headers: the proxy has already
 * replaced the client's {@code X-Forwarded-*} headers with its own, and copying the client's
 * originals back would undo that.
 */
final class RoutedHooks implements ExchangeHooks {
  private final Route route;
  private final String pathPrefix;
  private final Exchange exchange;
  private final HeaderMap original;
  private final String originalHost;
  private final Chain chain;
  private final long startNanos = System.nanoTime();
  private int status = 502;
  private boolean headSeen;
  private io.cairn.gateway.compress.Compression compression;
  private io.cairn.gateway.compress.Encoding encoding;

  RoutedHooks(Route route, Exchange exchange, HeaderMap original, Chain chain) {
    this.route = route;
    this.exchange = exchange;
    this.original = original;
    this.originalHost = exchange.host();
    this.chain = chain;
    String p = route.target().url().getRawPath();
    this.pathPrefix = !route.target().preservePath() || p == null || p.equals("/") ? "" : p;
  }

  @Override
  public String target(String clientTarget) {
    String target = clientTarget.startsWith("/") ? exchange.requestUri() : clientTarget;
    return pathPrefix.isEmpty() || !target.startsWith("/") ? target : joinSlash(pathPrefix, target);
  }

  /** Go's {@code singleJoiningSlash}: exactly one slash between the two. */
  static String joinSlash(String a, String b) {
    boolean aSlash = a.endsWith("/");
    boolean bSlash = b.startsWith("/");
    if (aSlash && bSlash) {
      return a + b.substring(1);
    }
    return !aSlash && !bSlash ? a + "/" + b : a + b;
  }

  /** Headers the proxy frames the request with: a middleware's edit of these is not applied. */
  private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection", "keep-alive",
      "te", "trailer", "upgrade", "host");

  @Override
  public void requestHeaders(HttpHeaders headers) {
    HeaderMap now = exchange.requestHeaders();
    for (String name : original.names()) {
      if (!now.contains(name) && !FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
        headers.remove(name);
      }
    }
    for (String name : now.names()) {
      List<String> values = now.getAll(name);
      if (!values.equals(original.getAll(name)) && !FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
        headers.set(name, values);
      }
    }
    if (!exchange.host().equals(originalHost)) {
      headers.set(HttpHeaderNames.HOST, exchange.host());
    }
  }

  @Override
  public void responseHead(HttpResponse response) {
    for (String cookie : route.setCookies()) {
      response.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
    }
    status = response.status().code();
    headSeen = true;
    if (chain.middlewares().isEmpty()) {
      return;
    }
    HeaderMap h = new HeaderMap();
    for (Map.Entry<String, String> e : response.headers()) {
      h.add(e.getKey(), e.getValue());
    }
    ResponseHead head = new ResponseHead(status, h);
    chain.onResponse(exchange, head);
    if (head.status() != status) {
      status = head.status();
      response.setStatus(HttpResponseStatus.valueOf(status));
    }
    response.headers().clear();
    head.headers().forEach((k, v) -> response.headers().add(k, v));
  }

  /** Compresses the response body with {@code encoding} when {@code compression} allows (compress middleware). */
  void compress(io.cairn.gateway.compress.Compression compression, io.cairn.gateway.compress.Encoding encoding) {
    this.compression = compression;
    this.encoding = encoding;
  }

  @Override
  public io.cairn.gateway.proxy.BodyFilter responseBody(HttpResponse response) {
    return compression == null ? io.cairn.gateway.proxy.BodyFilter.NONE
        : compression.start(encoding, response.status().code(), response.headers(), true);
  }

  @Override
  public void done(boolean failed) {
    // 499: the client went away before the response head (nginx's and Traefik's code for it)
    int code = failed ? 502 : headSeen ? status : 499;
    release(route, exchange, code, failed, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Ends what routing took for a request (the service's counts, mirrors, the middlewares' exchange). */
  static void release(Route route, Exchange exchange, int status, boolean failed) {
    release(route, exchange, status, failed, Duration.ZERO);
  }

  private static void release(Route route, Exchange exchange, int status, boolean failed, Duration latency) {
    try {
      route.finished(failed);
    } finally {
      try {
        for (Route mirror : route.mirrors()) {
          mirror.finished(false); // mirror copies are not sent yet: release what routing took
        }
      } finally {
        exchange.complete(new Completion(status, failed, latency));
      }
    }
  }
}
