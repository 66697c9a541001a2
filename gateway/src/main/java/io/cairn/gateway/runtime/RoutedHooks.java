package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Chain;
import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.middleware.HeaderMap;
import io.cairn.gateway.middleware.ResponseHead;
import io.cairn.gateway.proxy.ExchangeHooks;
import io.cairn.gateway.service.Route;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.cairn.gateway.middleware.Outcome;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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
  private Route route;
  private String pathPrefix;
  private String clientTarget = "/";
  private final List<Route> mirrors;
  private final Retries retries;
  private final MirrorCopies copies;
  private PreForward preForward;
  private ErrorPages errorPages;
  private ResponseLimit responseLimit;
  private boolean refused;
  private List<String> authCookies = List.of();
  /** Cookie names whose {@code Set-Cookie} values from the service are dropped ({@code addAuthCookiesToResponse}). */
  private java.util.Set<String> replacedCookies = java.util.Set.of();
  private final Exchange exchange;
  private final HeaderMap original;
  private final String originalHost;
  private final Chain chain;
  private final long startNanos = System.nanoTime();
  private int status = 502;
  private boolean headSeen;
  private io.cairn.gateway.compress.Compression compression;
  private io.cairn.gateway.compress.Encoding encoding;

  /**
   * @param original the request headers before the middlewares; null when the chain has no
   *     middlewares (then nothing edits them)
   * @param retries the {@code retry} middleware's state, null when the chain has none
   * @param side sends the mirror copies (when the route has mirrors)
   */
  RoutedHooks(Route route, Exchange exchange, HeaderMap original, Chain chain, Retries retries, SideClient side) {
    this.route = route;
    this.mirrors = route.mirrors();
    this.copies = mirrors.isEmpty() ? null
        : new MirrorCopies(mirrors, route.mirrorBody(), route.maxMirrorBodyBytes(), side);
    this.exchange = exchange;
    this.original = original;
    this.originalHost = exchange.host();
    this.chain = chain;
    this.retries = retries;
    this.pathPrefix = pathPrefix(route);
  }

  private static String pathPrefix(Route route) {
    String p = route.target().url().getRawPath();
    return !route.target().preservePath() || p == null || p.equals("/") ? "" : p;
  }

  @Override
  public String target(String clientTarget) {
    this.clientTarget = clientTarget;
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
    if (original != null) {
      applyHeaderEdits(headers);
    }
    if (!exchange.host().equals(originalHost)) {
      headers.set(HttpHeaderNames.HOST, exchange.host());
    }
    if (copies != null) {
      copies.head(exchange.method(), exchange.requestUri(), headers);
    }
  }

  /** Applies what the middlewares changed in the request headers. */
  private void applyHeaderEdits(HttpHeaders headers) {
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
  }

  @Override
  public void requestContent(HttpContent content) {
    if (copies != null) {
      copies.content(content);
    }
  }

  /** The steps to run before forwarding (rate-limit delay, forwardAuth), or null. */
  PreForward preForward() {
    return preForward;
  }

  void preForward(PreForward steps) {
    this.preForward = steps;
  }

  /** The {@code errors} middleware's handler for this request, or null. */
  /** The {@code buffering} middleware's response limit for this request, or null. */
  ResponseLimit responseLimit() {
    return responseLimit;
  }

  void responseLimit(ResponseLimit limit) {
    this.responseLimit = limit;
  }

  ErrorPages errorPages() {
    return errorPages;
  }

  void errorPages(ErrorPages pages) {
    this.errorPages = pages;
  }

  /** {@code Set-Cookie} values from forwardAuth answers ({@code addAuthCookiesToResponse}). */
  void authCookies(List<String> cookies, java.util.Set<String> replaced) {
    this.authCookies = List.copyOf(cookies);
    this.replacedCookies = java.util.Set.copyOf(replaced);
  }

  /** A forwardAuth refusal as the response to write, after the middlewares' response edits; ends the exchange. */
  FullHttpResponse answer(Outcome.Respond r) {
    ResponseHead head = new ResponseHead(r.status(), r.headers());
    chain.onResponse(exchange, head);
    FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(head.status()),
        Unpooled.wrappedBuffer(r.body()));
    head.headers().forEach((k, v) -> out.headers().add(k, v));
    out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
    status = head.status();
    headSeen = true;
    refused = true; // the service was not called: no mirror copies
    done(false);
    return out;
  }

  @Override
  public Retry retry(HttpRequest head) {
    if (retries == null) {
      return null;
    }
    Optional<Retries.Next> next = retries.next();
    if (next.isEmpty()) {
      return null;
    }
    Route r = next.get().route();
    URI authority = next.get().authority();
    route.finished(true); // the failed attempt: passive health counts it
    route = r;
    pathPrefix = pathPrefix(r);
    head.setUri(target(clientTarget));
    if (!r.target().passHostHeader() && exchange.host().equals(originalHost)) {
      head.headers().set(HttpHeaderNames.HOST, authority.getRawAuthority());
    }
    return new Retry(authority, retries.backoff());
  }

  @Override
  public void responseHead(HttpResponse response) {
    for (String cookie : route.setCookies()) {
      response.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
    }
    if (!replacedCookies.isEmpty()) {
      List<String> own = response.headers().getAll(HttpHeaderNames.SET_COOKIE);
      response.headers().remove(HttpHeaderNames.SET_COOKIE);
      for (String cookie : own) {
        if (!replacedCookies.contains(io.cairn.gateway.middleware.ForwardAuthCheck.cookieName(cookie))) {
          response.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
        }
      }
    }
    for (String cookie : authCookies) {
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
    List<Route> unsent = mirrors;
    if (copies != null) {
      unsent = List.of();
      try {
        copies.finish(!refused && (failed || headSeen));
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(RoutedHooks.class).warn("mirror copies failed: {}", e.toString());
      }
    }
    RouteEnd.release(route, unsent, exchange, code, failed, Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
