package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.service.Route;
import io.cairn.gateway.service.ServiceNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code errors} middleware for one request, as an outbound handler put at the end of the
 * client's pipeline while the response goes out: when the response status (the upstream's, or the
 * proxy's own 502/504) is in one of the {@code status} ranges, its head and body are dropped and a
 * {@code GET query} to the {@code service} ({@code {status}} and {@code {url}} replaced, the
 * request's headers copied) supplies headers and body, sent with the original status. If the
 * error service cannot answer, the status text is the body (Traefik). Other responses pass through
 * untouched and streaming. The handler removes itself when its response ended.
 *
 * <p>Decisions: only the first {@code errors} middleware of a router's chain is applied; the page
 * is fetched through the {@link SideClient} (one connection per page, 1 MiB at most) from a server
 * the error service picks; statuses are parsed as Traefik ({@code 500}, {@code 500-599}, and
 * comma-separated lists of them).
 */
final class ErrorPages extends ResponseHandler {
  static final int MAX_PAGE = 1024 * 1024;
  private static final Set<String> HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
      "upgrade", "te", "trailer");

  private final List<int[]> ranges;
  private final String query;
  private final ServiceNode service;
  private final HttpHeaders requestHeaders;
  private final String url;
  private final SideClient side;
  private boolean catching;
  private boolean passing;
  private int code;

  ErrorPages(List<int[]> ranges, String query, ServiceNode service, Exchange exchange, SideClient side) {
    this.ranges = ranges;
    this.query = query;
    this.service = service;
    this.side = side;
    this.requestHeaders = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    exchange.requestHeaders().forEach(requestHeaders::add);
    requestHeaders.set(HttpHeaderNames.HOST, exchange.host());
    this.url = exchange.requestUri();
  }

  /** Traefik's {@code NewHTTPCodeRanges}: {@code 404}, {@code 500-599}, comma-separated. */
  static List<int[]> ranges(List<String> status) {
    List<int[]> out = new ArrayList<>();
    for (String entry : status) {
      for (String part : entry.split(",")) {
        String[] ends = part.strip().split("-");
        int from = Integer.parseInt(ends[0].strip());
        int to = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : from;
        out.add(new int[] {from, to});
      }
    }
    return out;
  }

  /** The page's path and query: {@code /} + query without its leading slash, placeholders replaced. */
  static String pageTarget(String query, int status, String url) {
    if (query.isEmpty()) {
      return "/";
    }
    String q = "/" + (query.startsWith("/") ? query.substring(1) : query);
    return q.replace("{status}", Integer.toString(status))
        .replace("{url}", URLEncoder.encode(url, StandardCharsets.UTF_8));
  }

  private boolean caught(int status) {
    for (int[] r : ranges) {
      if (status >= r[0] && status <= r[1]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!catching && !passing && msg instanceof HttpResponse r && r.status().code() >= 200) {
      code = r.status().code();
      catching = caught(code);
      passing = !catching;
    }
    if (!catching) {
      ctx.write(msg, promise);
      if (passing && msg instanceof LastHttpContent) {
        remove(ctx);
      }
      return;
    }
    boolean last = msg instanceof LastHttpContent;
    ReferenceCountUtil.release(msg);
    promise.setSuccess();
    if (last) {
      fetch(ctx);
    }
  }

  private void fetch(ChannelHandlerContext ctx) {
    Route route = service == null ? null : service.route(List.of()).orElse(null);
    if (route == null) {
      send(ctx, null);
      return;
    }
    route.mirrors().forEach(m -> m.finished(false));
    URI u = route.target().url();
    URI server = URI.create(u.getScheme() + "://" + u.getRawAuthority());
    side.send(server, "GET", pageTarget(query, code, url), requestHeaders, null, MAX_PAGE)
        .whenComplete((answer, error) -> {
          route.finished(error != null);
          ctx.executor().execute(() -> send(ctx, error == null ? answer : null));
        });
  }

  private void send(ChannelHandlerContext ctx, SideClient.Answer page) {
    HttpResponseStatus status = HttpResponseStatus.valueOf(code);
    byte[] body = page != null ? page.body() : status.reasonPhrase().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    if (page != null) {
      page.headers().forEach(e -> {
        if (!HOP.contains(e.getKey().toLowerCase(Locale.ROOT))) {
          out.headers().add(e.getKey(), e.getValue());
        }
      });
    } else {
      out.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    }
    out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    ctx.writeAndFlush(out);
    remove(ctx);
  }
}
