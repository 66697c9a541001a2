package io.cairn.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The streaming reverse proxy: forwards each request to an {@code http://} (HTTP/1.1), {@code
 * h2c://} or {@code https://} upstream over a pooled connection (see {@link ProxyCall} for the
 * flow, {@link UpstreamPool} for pooling, the package comment for upgrades and trailers).
 *
 * <p>The request sent upstream is a copy of the client's head: HTTP/1.1, origin-form target
 * (an absolute-form target's authority becomes the Host, RFC 9112 3.2.2), hop-by-hop headers
 * removed, {@code Expect} removed (the entry point already answered {@code 100 Continue}),
 * X-Forwarded-* set like Traefik, Host passed through ({@code passHostHeader}) or replaced by the
 * upstream's authority, an accepted {@code Upgrade} kept with {@code Connection: Upgrade}, and the
 * body framed afresh: the client's Content-Length when it gave one,
 * else chunked when a body may follow. HTTP/2 requests arrive already translated (pseudo-headers
 * to method, target and Host) and leave as HTTP/1.1 the same way.
 *
 * <p>Thread-safe: one instance serves every entry point and loop.
 */
public final class ReverseProxy implements Forwarder {
  private final ProxyOptions options;
  private final UpstreamPool pool;
  private final String serverName;

  public ReverseProxy(ProxyOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.pool = new UpstreamPool(options);
    this.serverName = hostname();
  }

  @Override
  public Forwarding forward(ForwardRequest request, Channel client) {
    HttpRequest out = outboundHead(request);
    String upgrade = out.headers().get(HttpHeaderNames.UPGRADE);
    UpstreamTransport transport = request.transport();
    if (upgrade != null && "https".equalsIgnoreCase(request.upstream().getScheme())) {
      transport = transport.withDisableHttp2(true); // an upgrade needs HTTP/1.1: ALPN offers only it
    }
    ProxyCall call = new ProxyCall(pool, options, client, out,
        Endpoint.of(request.upstream(), transport), request.bodyExpected(), request.hooks());
    call.upgrade = upgrade;
    call.keepTrailers = request.http2()
        || request.head().headers().containsValue(HttpHeaderNames.TE, "trailers", true);
    call.start();
    return call;
  }

  HttpRequest outboundHead(ForwardRequest request) {
    HttpRequest in = request.head();
    HttpHeaders h = DefaultHttpHeadersFactory.headersFactory()
        .withNameValidation(false).withValueValidation(false).newHeaders();
    h.set(in.headers());
    String target = in.uri();
    String host = in.headers().get(HttpHeaderNames.HOST, "");
    if (!target.startsWith("/") && !target.equals("*")) {
      URI absolute = URI.create(target);
      host = absolute.getRawAuthority() == null ? host : absolute.getRawAuthority();
      String path = absolute.getRawPath() == null || absolute.getRawPath().isEmpty()
          ? "/" : absolute.getRawPath();
      target = absolute.getRawQuery() == null ? path : path + "?" + absolute.getRawQuery();
    }
    boolean webSocket = ForwardedHeaders.isWebSocket(in.headers());
    String upgrade = request.http2() || "h2c".equalsIgnoreCase(request.upstream().getScheme())
        ? null : HopByHop.upgradeType(in.headers());
    HopByHop.strip(h, true);
    h.remove(HttpHeaderNames.EXPECT);
    ForwardedHeaders.apply(h, host, ForwardedHeaders.clientIp(request.clientAddress()),
        request.tls(), webSocket, serverName);
    if (request.passHostHeader() && !host.isEmpty()) {
      h.set(HttpHeaderNames.HOST, host);
    } else {
      h.set(HttpHeaderNames.HOST, request.upstream().getRawAuthority());
    }
    if (request.bodyExpected() && !h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    request.hooks().requestHeaders(h);
    target = request.hooks().target(target);
    DefaultHttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, in.method(), target, h);
    HttpUtil.setKeepAlive(out, true);
    h.remove(HttpHeaderNames.CONNECTION); // HTTP/1.1 default is keep-alive
    if (upgrade != null) { // Go's ReverseProxy: the one hop-by-hop pair that is passed on
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      h.set(HttpHeaderNames.UPGRADE, upgrade);
    }
    return out;
  }

  /**
   * Whether {@code name} (any case, {@code _} for {@code -}) is one of the forwarding headers this
   * proxy replaces ({@code X-Forwarded-*}, {@code X-Real-Ip}, …): a client's own values are never
   * trusted.
   */
  public static boolean isForwardedHeader(String name) {
    return ForwardedHeaders.isManaged(name);
  }

  /** Idle pooled connections for one upstream on one loop (tests). */
  int idleConnections(Channel onLoopOf, String host, int port) {
    return pool.idleCount(onLoopOf.eventLoop(),
        new Endpoint("http", host, port, UpstreamTransport.DEFAULT));
  }

  /** The host name as Go's {@code os.Hostname} returns it (no DNS lookup). */
  private static String hostname() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (Exception ignored) {
      // not Linux: fall through
    }
    String env = System.getenv("HOSTNAME");
    return env == null || env.isBlank() ? "localhost" : env;
  }
}
