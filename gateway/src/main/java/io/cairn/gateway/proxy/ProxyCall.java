package io.cairn.gateway.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request forwarded upstream, streaming both ways.
 *
 * <p>Everything runs on the client channel's event loop, which is also the upstream connection's
 * loop (see {@link UpstreamPool}), so the state below needs no synchronisation.
 *
 * <p>Backpressure is symmetric and never buffers a whole body: request body pieces are written to
 * the upstream as they arrive, and when the upstream's outbound buffer passes its high-water mark
 * the client channel stops reading until it drains; response pieces go to the client and when the
 * client cannot keep up the upstream connection stops reading. Before the upstream connection is
 * open, the (few) pieces that already arrived are held and the client is paused.
 *
 * <p>Failures: no connection or a connection that fails before the response head answers 502
 * (504 if the connect or the response-head timer expired), the way Traefik's proxy error handler
 * maps them. A reused pooled connection that dies before any response byte is retried once on a
 * fresh connection when the request had no body, like Go's transport does for such requests; after
 * the response head went out, a failure can only close the client (an HTTP/2 stream reset).
 *
 * <p>Connection reuse: the upstream connection goes back to the pool only when both the request
 * and the response were complete and both sides allow keep-alive; otherwise it is closed, since
 * its state is unknown. Nothing from the client goes to the upstream except re-framed, fully
 * parsed messages, so no bytes can be smuggled into the next pooled request.
 */
final class ProxyCall implements Forwarding {
  private final UpstreamPool pool;
  private final Channel client;
  private final HttpRequest outHead;
  /** Where this attempt goes; a retry (the retry middleware) moves it to another server. */
  private Endpoint endpoint;
  private final ProxyOptions options;
  private final boolean bodyExpected;
  private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
  private Channel upstream;
  private boolean reused;
  private boolean retried;
  private boolean attachedBefore;
  private boolean requestDone;
  private boolean responseStarted;
  private boolean responseKeepAlive;
  private boolean finished;
  private boolean clientPaused;
  private boolean upstreamPaused;
  private ScheduledFuture<?> headerTimer;
  private final ExchangeHooks hooks;
  private BodyFilter bodyFilter = BodyFilter.NONE;
  private boolean reported;
  /** The Upgrade token the request asked for (sent upstream), or null. */
  String upgrade;
  /** Whether response trailers reach the client (HTTP/2, or HTTP/1.1 with {@code TE: trailers}). */
  boolean keepTrailers = true;

  ProxyCall(UpstreamPool pool, ProxyOptions options, Channel client, HttpRequest outHead,
      Endpoint endpoint, boolean bodyExpected, ExchangeHooks hooks) {
    this.hooks = hooks;
    this.pool = pool;
    this.options = options;
    this.client = client;
    this.outHead = outHead;
    this.endpoint = endpoint;
    this.bodyExpected = bodyExpected;
  }

  void start() {
    acquire(false);
  }

  private void acquire(boolean fresh) {
    Future<Channel> f = pool.acquire(client.eventLoop(), endpoint, fresh);
    if (f.isDone()) {
      acquired(f); // a pooled connection: no listener to allocate and notify
      return;
    }
    pauseClient();
    f.addListener(done -> acquired(f));
  }

  private void acquired(Future<Channel> f) {
    if (finished) {
      if (f.isSuccess()) {
        pool.release(f.getNow());
      }
    } else if (!f.isSuccess()) {
      if (!retryElsewhere()) {
        fail(f.cause() instanceof ConnectTimeoutException
            ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY);
      }
    } else {
      reused = Boolean.TRUE.equals(f.getNow().attr(UpstreamPool.REUSED).get());
      attach(f.getNow());
    }
  }

  private void attach(Channel ch) {
    upstream = ch;
    ch.pipeline().get(UpstreamHandler.class).call = this;
    ch.write(ReferenceCountUtil.retain(outHead));
    HttpContent c;
    while ((c = pending.poll()) != null) {
      ch.write(c);
    }
    boolean again = attachedBefore;
    attachedBefore = true;
    if (again && requestDone) {
      ch.write(LastHttpContent.EMPTY_LAST_CONTENT); // the body-less request, once more
    }
    if (requestDone || bodyExpected) {
      ch.flush();
    } // else the (empty) end of a body-less request follows at once and flushes the head with it
    java.time.Duration headerTimeout = endpoint.transport().responseHeaderTimeout().isZero()
        ? options.responseHeaderTimeout() : endpoint.transport().responseHeaderTimeout();
    if (!headerTimeout.isZero()) {
      headerTimer = ch.eventLoop().schedule(() -> {
        if (!responseStarted && !finished) {
          detachAndClose();
          fail(HttpResponseStatus.GATEWAY_TIMEOUT);
        }
      }, headerTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    resumeClientIfWritable();
  }

  @Override
  public void content(HttpContent content) {
    if (content instanceof LastHttpContent) {
      requestDone = true;
    }
    if (!finished) {
      hooks.requestContent(content);
    }
    if (finished && upstream == null) {
      content.release();
    } else if (upstream == null) {
      pending.add(content);
      pauseClient();
    } else {
      upstream.writeAndFlush(content);
      if (!upstream.isWritable()) {
        pauseClient();
      }
    }
  }

  void upstreamRead(Object msg) {
    if (finished) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      upstreamFailed(o.decoderResult().cause());
      return;
    }
    if (msg instanceof HttpResponse res) {
      if (res.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS) && upgrade != null) {
        ReferenceCountUtil.release(msg);
        switchProtocols(res);
        return;
      }
      if (res.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
        ReferenceCountUtil.release(msg); // 100 Continue and 103 are not relayed
        return;
      }
      cancelHeaderTimer();
      responseStarted = true;
      responseKeepAlive = HttpUtil.isKeepAlive(res);
      HttpResponse out;
      if (msg instanceof LastHttpContent whole) { // e.g. an HTTP/2 trailers-only response
        out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, res.status(),
            whole.content().retain(), res.headers().copy(), trailers(whole.trailingHeaders()));
        ReferenceCountUtil.release(msg);
      } else { // the codec's own head, edited in place: no copy of its headers
        out = res;
        out.setProtocolVersion(HttpVersion.HTTP_1_1);
      }
      HopByHop.strip(out.headers(), false);
      ExtensionHeaders.strip(out.headers());
      hooks.responseHead(out);
      if (out instanceof LastHttpContent) { // a whole (trailers-only) response: nothing to filter
        client.writeAndFlush(out);
        complete();
        return;
      }
      bodyFilter = hooks.responseBody(out);
      client.write(out);
      return;
    }
    if (msg instanceof LastHttpContent last && !last.trailingHeaders().isEmpty()) {
      HttpHeaders kept = trailers(last.trailingHeaders());
      if (kept != last.trailingHeaders()) {
        msg = new DefaultLastHttpContent(last.content().retain(), kept);
        last.release();
      }
    }
    if (msg instanceof HttpContent c) {
      boolean last = c instanceof LastHttpContent;
      client.write(bodyFilter.filter(c));
      if (last) {
        client.flush();
        complete();
      } else if (!client.isWritable()) {
        upstreamPaused = true;
        upstream.config().setAutoRead(false);
      }
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  /** The response trailers the client gets: none for an HTTP/1.1 client without TE: trailers. */
  private HttpHeaders trailers(HttpHeaders upstream) {
    if (!keepTrailers || upstream.isEmpty()) {
      return keepTrailers ? upstream : EmptyHttpHeaders.INSTANCE;
    }
    ExtensionHeaders.strip(upstream);
    return upstream;
  }

  /**
   * The upstream accepted the upgrade: relay the 101 (its Upgrade and Connection headers kept, as
   * Go's proxy does) and turn both connections into a byte tunnel. An upstream that switches to a
   * protocol the client did not ask for gets 502, as in Go.
   */
  private void switchProtocols(HttpResponse res) {
    cancelHeaderTimer();
    if (!upgrade.equalsIgnoreCase(res.headers().get(HttpHeaderNames.UPGRADE, ""))) {
      detachAndClose();
      fail(HttpResponseStatus.BAD_GATEWAY);
      return;
    }
    responseStarted = true;
    finished = true;
    DefaultFullHttpResponse out = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
    out.headers().set(res.headers());
    hooks.responseHead(out);
    Channel up = upstream;
    upstream = null;
    Tunnel[] tunnel = Tunnel.between(client, up, () -> report(false));
    up.pipeline().replace(UpstreamHandler.class, "tunnel", tunnel[1]);
    up.pipeline().remove("codec");
    client.writeAndFlush(out);
    client.pipeline().fireUserEventTriggered(new Upgraded(tunnel[0]));
    clientPaused = false;
  }

  void upstreamReadComplete() {
    client.flush();
  }

  private void complete() {
    finished = true;
    report(false);
    Channel ch = upstream;
    upstream.pipeline().get(UpstreamHandler.class).call = null;
    upstream = null;
    if (requestDone && responseKeepAlive) {
      pool.release(ch);
    } else {
      ch.close();
    }
    resumeClientIfWritable();
  }

  void upstreamFailed(Throwable cause) {
    if (finished) {
      return;
    }
    if (!responseStarted && reused && !retried && !bodyExpected) {
      retried = true;
      cancelHeaderTimer();
      detachAndClose();
      acquire(true);
      return;
    }
    detachAndClose();
    if (responseStarted) {
      finished = true;
      report(true);
      client.close();
    } else if (bodyExpected || !REPLAYABLE.contains(outHead.method().name()) || !retryElsewhere()) {
      fail(HttpResponseStatus.BAD_GATEWAY);
    }
  }

  /** Go's {@code isReplayable} methods: sent again only when they carry no body. */
  private static final java.util.Set<String> REPLAYABLE = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** Asks the hooks for another upstream (the retry middleware) and starts the next attempt there. */
  private boolean retryElsewhere() {
    ExchangeHooks.Retry next;
    try {
      next = hooks.retry(outHead);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(ProxyCall.class).warn("retry hook failed: {}", e.toString());
      return false;
    }
    if (next == null) {
      return false;
    }
    cancelHeaderTimer();
    endpoint = Endpoint.of(next.upstream(), endpoint.transport());
    pauseClient();
    if (next.delay().isZero()) {
      start();
    } else {
      client.eventLoop().schedule(() -> {
        if (!finished) {
          start();
        }
      }, next.delay().toNanos(), TimeUnit.NANOSECONDS);
    }
    return true;
  }

  void upstreamWritabilityChanged() {
    if (upstream != null && upstream.isWritable()) {
      resumeClientIfWritable();
    }
  }

  @Override
  public void clientWritabilityChanged() {
    if (client.isWritable() && upstreamPaused && upstream != null) {
      upstreamPaused = false;
      upstream.config().setAutoRead(true);
      upstream.read();
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    report(false);
    cancelHeaderTimer();
    pending.forEach(ReferenceCountUtil::release);
    pending.clear();
    detachAndClose();
  }

  /** Tells the hooks how the exchange ended, once. */
  private void report(boolean failed) {
    bodyFilter.close();
    if (!reported) {
      reported = true;
      try {
        hooks.done(failed);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ProxyCall.class).warn("exchange hook failed: {}", e.toString());
      }
    }
  }

  /** Answers the client with Traefik's plain status text, before any response byte was sent. */
  private void fail(HttpResponseStatus status) {
    finished = true;
    report(true);
    cancelHeaderTimer();
    pending.forEach(ReferenceCountUtil::release);
    pending.clear();
    byte[] body = status.reasonPhrase().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    client.writeAndFlush(res);
    resumeClientIfWritable();
  }

  private void detachAndClose() {
    if (upstream != null) {
      upstream.pipeline().get(UpstreamHandler.class).call = null;
      upstream.close();
      upstream = null;
    }
  }

  private void cancelHeaderTimer() {
    if (headerTimer != null) {
      headerTimer.cancel(false);
      headerTimer = null;
    }
  }

  private void pauseClient() {
    if (!clientPaused) {
      clientPaused = true;
      client.config().setAutoRead(false);
    }
  }

  private void resumeClientIfWritable() {
    if (clientPaused && (upstream == null || upstream.isWritable())) {
      clientPaused = false;
      client.config().setAutoRead(true);
      client.read();
    }
  }
}
