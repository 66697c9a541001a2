package io.cairn.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Last handler of an HTTP/2 connection: closes it when idle with no open stream, and on {@link
 * EntryPoint#DRAIN}. Closing goes through {@code Http2FrameCodec}, which sends GOAWAY and waits
 * for the open streams up to its graceful-shutdown timeout.
 */
final class Http2ConnectionControl extends ChannelInboundHandlerAdapter {
  private final Http2FrameCodec codec;

  Http2ConnectionControl(Http2FrameCodec codec) {
    this.codec = codec;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      if (codec.connection().numActiveStreams() == 0) {
        ctx.close();
      }
    } else if (evt == EntryPoint.DRAIN) {
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
