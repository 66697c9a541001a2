package io.cairn.gateway.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * One HTTP/2 stream (a child channel of {@code Http2MultiplexHandler}, behind {@code
 * Http2StreamFrameToHttpObjectCodec}): exactly one exchange, no keep-alive or framing concerns.
 * Netty's codec already turned {@code :authority} into {@code Host} and {@code :path} into the URI;
 * its {@code x-http2-*} extension headers are removed here.
 */
final class Http2StreamHandler extends ChannelDuplexHandler {
  private final Dispatcher dispatcher;
  private final String protocol;
  private Exchange current;

  Http2StreamHandler(Dispatcher dispatcher) {
    this(dispatcher, "HTTP/2.0");
  }

  /** A handler for another stream protocol speaking HttpObjects (HTTP/3, see StreamDispatch). */
  Http2StreamHandler(Dispatcher dispatcher, String protocol) {
    this.dispatcher = dispatcher;
    this.protocol = protocol;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest req && current == null) {
      req.headers()
          .remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text())
          .remove(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text())
          .remove(HttpConversionUtil.ExtensionHeaderNames.PATH.text())
          .remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_WEIGHT.text())
          .remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_DEPENDENCY_ID.text());
      boolean full = req instanceof FullHttpRequest;
      HttpRequest head = full ? new DefaultHttpRequest(
          req.protocolVersion(), req.method(), req.uri(), req.headers()) : req;
      current = new Exchange(false, req.method().equals(HttpMethod.HEAD), false);
      if (req.method().equals(HttpMethod.CONNECT)) {
        current.requestDone = true;
        ReferenceCountUtil.release(msg);
        ctx.writeAndFlush(Responses.error(
            io.netty.handler.codec.http.HttpResponseStatus.NOT_IMPLEMENTED, false));
        return;
      }
      boolean bodyExpected = !full || HttpUtil.getContentLength(req, 0L) > 0;
      dispatcher.dispatch(current, ctx.channel(), head, protocol, true, bodyExpected);
      if (full) {
        FullHttpRequest f = (FullHttpRequest) req;
        current.content(new DefaultLastHttpContent(f.content(), f.trailingHeaders()));
      }
    } else if (msg instanceof HttpContent c && current != null) {
      current.content(c);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (current != null && current.observation != null) {
      current.observation.written(msg);
    }
    if (current != null && msg instanceof HttpResponse res
        && res.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
      current.responseStarted = true;
      dispatcher.decorate(res);
    }
    if (current != null && current.responseStarted && msg instanceof LastHttpContent) {
      current.responseDone = true;
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null && current.forwarding != null) {
      current.forwarding.clientWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null && !(current.responseDone && current.requestDone)) {
      current.abort();
    }
    if (current != null && current.observation != null) {
      current.observation.ended();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
