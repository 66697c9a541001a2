package io.cairn.gateway.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
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
  private final String host;
  private final int port;
  private final ProxyOptions options;
  private final boolean bodyExpected;
  private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
  private Channel upstream;
  private boolean reused;
  private boolean retried;
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

  ProxyCall(UpstreamPool pool, ProxyOptions options, Channel client, HttpRequest outHead,
      String host, int port, boolean bodyExpected, ExchangeHooks hooks) {
    this.hooks = hooks;
    this.pool = pool;
    this.options = options;
    this.client = client;
    this.outHead = outHead;
    this.host = host;
    this.port = port;
    this.bodyExpected = bodyExpected;
  }

  void start() {
    Channel pooled = pool.pollIdle(client.eventLoop(), host, port);
    if (pooled != null) {
      reused = true;
      attach(pooled);
    } else {
      connectFresh();
    }
  }

  private void connectFresh() {
    reused = false;
    pauseClient();
    ChannelFuture f = pool.connect(client.eventLoop(), host, port);
    f.addListener(done -> {
      if (finished) {
        f.channel().close();
      } else if (!done.isSuccess()) {
        fail(done.cause() instanceof ConnectTimeoutException
            ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY);
      } else {
        attach(f.channel());
      }
    });
  }

  private void attach(Channel ch) {
    upstream = ch;
    ch.pipeline().get(UpstreamHandler.class).call = this;
    ch.write(ReferenceCountUtil.retain(outHead));
    HttpContent c;
    while ((c = pending.poll()) != null) {
      ch.write(c);
    }
    if (retried && requestDone) {
      ch.write(LastHttpContent.EMPTY_LAST_CONTENT); // the body-less request, once more
    }
    ch.flush();
    if (!options.responseHeaderTimeout().isZero()) {
      headerTimer = ch.eventLoop().schedule(() -> {
        if (!responseStarted && !finished) {
          detachAndClose();
          fail(HttpResponseStatus.GATEWAY_TIMEOUT);
        }
      }, options.responseHeaderTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }
    resumeClientIfWritable();
  }

  @Override
  public void content(HttpContent content) {
    if (content instanceof LastHttpContent) {
      requestDone = true;
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
      if (res.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
        ReferenceCountUtil.release(msg); // 100 Continue and 103 are not relayed
        return;
      }
      cancelHeaderTimer();
      responseStarted = true;
      responseKeepAlive = HttpUtil.isKeepAlive(res);
      DefaultHttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, res.status());
      out.headers().set(res.headers());
      HopByHop.strip(out.headers(), false);
      hooks.responseHead(out);
      bodyFilter = hooks.responseBody(out);
      client.write(out);
      if (!(msg instanceof HttpContent)) {
        return;
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
      connectFresh();
      return;
    }
    detachAndClose();
    if (responseStarted) {
      finished = true;
      report(true);
      client.close();
    } else {
      fail(HttpResponseStatus.BAD_GATEWAY);
    }
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
