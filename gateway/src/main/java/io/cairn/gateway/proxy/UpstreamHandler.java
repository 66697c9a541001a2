package io.cairn.gateway.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Last handler of an upstream connection: passes responses to the {@link ProxyCall} using the
 * connection, if any. Data arriving on an idle pooled connection is a protocol error (the upstream
 * is out of step), so that connection is closed.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
  ProxyCall call;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (call != null) {
      call.upstreamRead(msg);
    } else {
      ReferenceCountUtil.release(msg);
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (call != null) {
      call.upstreamReadComplete();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (call != null) {
      call.upstreamWritabilityChanged();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (call != null) {
      call.upstreamFailed(null);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (call != null) {
      call.upstreamFailed(cause);
    }
    ctx.close();
  }
}
