package io.cairn.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One side of a byte relay between a client and an upstream connection after a {@code 101
 * Switching Protocols} (WebSocket and other upgrades). Both channels live on the same event loop,
 * so the two halves need no locks.
 *
 * <p>Backpressure: when the peer's outbound buffer passes its high-water mark this side stops
 * reading ({@code autoRead} off) until the peer drains. Closing: when either side closes (or
 * fails), the other is flushed and closed; {@code onClosed} runs once both halves are gone. An
 * {@link IdleStateEvent} (the entry point's idle timeout) closes the tunnel.
 */
final class Tunnel extends ChannelInboundHandlerAdapter {
  private final Channel peer;
  private final Runnable onClosed;

  private Tunnel(Channel peer, Runnable onClosed) {
    this.peer = peer;
    this.onClosed = onClosed;
  }

  /** The pair of handlers: {@code [0]} goes on the client, {@code [1]} on the upstream. */
  static Tunnel[] between(Channel client, Channel upstream, Runnable onClosed) {
    Runnable once = new Runnable() {
      private int closed;

      @Override
      public void run() {
        if (++closed == 2) {
          onClosed.run();
        }
      }
    };
    return new Tunnel[] {new Tunnel(upstream, once), new Tunnel(client, once)};
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(true);
    ctx.read();
    if (!ctx.channel().isActive()) {
      channelInactive(ctx);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf)) {
      ReferenceCountUtil.release(msg); // e.g. the decoder's empty last content after the 101
      return;
    }
    if (!peer.isActive()) {
      buf.release();
      return;
    }
    peer.write(buf);
    if (!peer.isWritable()) {
      ctx.channel().config().setAutoRead(false); // before the flush, whose drain may resume it
      peer.flush();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    peer.flush();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && !peer.config().isAutoRead()) {
      peer.config().setAutoRead(true);
      peer.read();
    }
  }

  private boolean inactive;

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (inactive) {
      return;
    }
    inactive = true;
    if (peer.isActive()) {
      peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
    onClosed.run();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else {
      ReferenceCountUtil.release(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
