package io.cairn.gateway.runtime;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;

/**
 * An outbound handler put at the end of a client's pipeline for the time of one response ({@link
 * ErrorPages}, {@link ResponseLimit}): it takes itself out when its response ended, and the
 * forwarder takes it out if the exchange is aborted before that.
 */
abstract class ResponseHandler extends ChannelOutboundHandlerAdapter {
  /** Takes the handler out once its response went out (or was replaced). */
  final void remove(ChannelHandlerContext ctx) {
    if (!ctx.isRemoved()) {
      ctx.pipeline().remove(this);
    }
  }

  /** Takes the handler out if its response never went out (the exchange was aborted). */
  final void abandon(Channel client) {
    if (client.pipeline().context(this) != null) {
      client.pipeline().remove(this);
    }
  }
}
