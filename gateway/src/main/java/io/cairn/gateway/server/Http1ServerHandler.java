package io.cairn.gateway.server;

import io.cairn.gateway.proxy.Upgraded;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One HTTP/1.x connection: runs its requests one at a time, in order (pipelining), and owns
 * keep-alive and response framing.
 *
 * <p>Inbound it gets what {@link StrictRequestDecoder} emits. Messages that belong to a later
 * request while one is still in flight are queued (and reading is paused until the queue drains),
 * so responses go out in request order without any per-request buffering of responses.
 *
 * <p>Outbound it sees every response written to the channel (by {@link Dispatcher} or the proxy)
 * and fixes its framing for the client: HTTP/1.1 always; {@code Transfer-Encoding: chunked} when no
 * length is known (close-delimited for HTTP/1.0 clients); {@code Connection: close} when the
 * connection ends after this response. When the response's last piece is written and the request
 * body has been read to its end, the next queued request starts.
 */
final class Http1ServerHandler extends ChannelDuplexHandler {
  private final Dispatcher dispatcher;
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private Exchange current;
  private boolean closing;
  private boolean draining;
  private boolean pausedByQueue;

  Http1ServerHandler(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      ReferenceCountUtil.release(msg);
    } else if (current != null && current.requestDone || !queue.isEmpty()) {
      queue.add(msg);
      if (!pausedByQueue) {
        pausedByQueue = true;
        ctx.channel().config().setAutoRead(false);
      }
    } else {
      handle(ctx, msg);
    }
  }

  private void handle(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Rejection r) {
      reject(ctx, r);
    } else if (msg instanceof HttpRequest req) {
      boolean full = req instanceof FullHttpRequest;
      HttpRequest head = full ? new DefaultHttpRequest(
          req.protocolVersion(), req.method(), req.uri(), req.headers()) : req;
      current = new Exchange(HttpUtil.isKeepAlive(req) && !draining,
          req.method().equals(HttpMethod.HEAD), req.protocolVersion() == HttpVersion.HTTP_1_0);
      boolean bodyExpected = full ? ((FullHttpRequest) req).content().isReadable()
          : HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
      dispatcher.dispatch(current, ctx.channel(), head, false, bodyExpected);
      if (full) {
        FullHttpRequest f = (FullHttpRequest) req;
        content(ctx, new DefaultLastHttpContent(f.content(), f.trailingHeaders()));
      }
    } else if (msg instanceof HttpContent c) {
      if (current == null) {
        c.release();
      } else {
        content(ctx, c);
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void content(ChannelHandlerContext ctx, HttpContent c) {
    Exchange ex = current;
    ex.content(c);
    if (ex.requestDone && ex.responseDone && current == ex) {
      next(ctx);
    }
  }

  private void reject(ChannelHandlerContext ctx, Rejection r) {
    closing = true;
    Exchange ex = current;
    if (ex == null) {
      dispatcher.refused(ctx.channel(), r.status().code());
    }
    if (ex != null) {
      ex.abort();
      if (ex.responseStarted) {
        ctx.close();
        return;
      }
    }
    ctx.writeAndFlush(Responses.error(r.status(), true)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    Exchange ex = current;
    if (ex != null && ex.observation != null) {
      ex.observation.written(msg);
    }
    if (ex != null && msg instanceof HttpResponse res
        && res.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
      ex.responseStarted = true;
      dispatcher.decorate(res);
      frame(ex, res);
    }
    if (ex != null && ex.responseStarted && msg instanceof LastHttpContent) {
      ex.responseDone = true;
      if (!ex.keepAlive) {
        closing = true;
        ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      ctx.write(msg, promise);
      if (ex.requestDone) {
        next(ctx);
      }
      return;
    }
    ctx.write(msg, promise);
  }

  private void frame(Exchange ex, HttpResponse res) {
    res.setProtocolVersion(HttpVersion.HTTP_1_1);
    int code = res.status().code();
    boolean bodyless = ex.headRequest || code == 204 || code == 304;
    boolean keepAlive = ex.keepAlive && !draining;
    if (!bodyless && !res.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      if (ex.http10) {
        keepAlive = false; // close-delimited body
      } else {
        res.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    ex.keepAlive = keepAlive;
    if (!keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (ex.http10) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
  }

  /** The current exchange is complete on both sides: start the next queued request, if any. */
  private void next(ChannelHandlerContext ctx) {
    current = null;
    while (current == null && !queue.isEmpty() && !closing) {
      handle(ctx, queue.poll());
    }
    if (queue.isEmpty() && pausedByQueue && !closing) {
      pausedByQueue = false;
      ctx.channel().config().setAutoRead(true);
      ctx.read();
    }
    if (current == null && draining && !closing) {
      closing = true;
      ctx.close();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null && current.forwarding != null) {
      current.forwarding.clientWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      if (current == null && queue.isEmpty()) {
        closing = true;
        ctx.close();
      }
      return;
    }
    if (evt instanceof Upgraded u) {
      switchProtocols(ctx, u);
      return;
    }
    if (evt == EntryPoint.DRAIN) {
      draining = true;
      if (current == null && queue.isEmpty()) {
        closing = true;
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  /** The proxy relayed a 101: this connection is a byte tunnel from now on (see Upgraded). */
  private void switchProtocols(ChannelHandlerContext ctx, Upgraded u) {
    closing = true;
    current = null;
    queue.forEach(ReferenceCountUtil::release);
    queue.clear();
    ChannelPipeline p = ctx.pipeline();
    p.replace(this, "tunnel", u.relay());
    for (String name : new String[] {"upgrade", "encoder", "decoder"}) {
      if (p.get(name) != null) {
        p.remove(name); // the decoder passes bytes it already read on to the relay
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    if (current != null) {
      current.abort();
      if (current.observation != null) {
        current.observation.ended();
      }
      current = null;
    }
    queue.forEach(ReferenceCountUtil::release);
    queue.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
