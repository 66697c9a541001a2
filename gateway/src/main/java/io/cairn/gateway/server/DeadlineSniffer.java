package io.cairn.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A decoder that looks at a connection's first bytes to choose its pipeline, and closes the
 * connection if it has not replaced itself within the head read timeout (a client that connects and
 * sends too little must not hold the connection). Subclasses decide in {@code decode} and remove
 * themselves once they have.
 */
abstract class DeadlineSniffer extends ByteToMessageDecoder {
  private final Duration deadline;
  private ScheduledFuture<?> timer;

  DeadlineSniffer(Duration deadline) {
    this.deadline = deadline;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    timer = ctx.executor().schedule(() -> {
      if (!ctx.isRemoved()) {
        ctx.close();
      }
    }, deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    timer.cancel(false);
  }
}
