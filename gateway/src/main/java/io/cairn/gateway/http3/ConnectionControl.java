package io.cairn.gateway.http3;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http3.DefaultHttp3GoAwayFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of each QUIC connection: enforces {@code maxConnections}, counts the request
 * streams in flight, and drains on stop: GOAWAY with the first stream id it will not serve (RFC
 * 9114 5.2), later request streams refused with H3_REQUEST_REJECTED, and the connection closed
 * with H3_NO_ERROR once its last request stream ends. Touched only on the connection's loop,
 * except {@link #drain()} which hops onto it.
 */
final class ConnectionControl extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionControl.class);

  private final AtomicInteger open;
  private final int maxConnections;
  private QuicChannel channel;
  private int activeStreams;
  private long nextStreamId;
  private long goAwayId = -1;
  private boolean counted;

  ConnectionControl(AtomicInteger open, int maxConnections) {
    this.open = open;
    this.maxConnections = maxConnections;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = (QuicChannel) ctx.channel();
    counted = true;
    if (open.incrementAndGet() > maxConnections) {
      log.debug("HTTP/3: refusing {}: {} connections open", channel.remoteSocketAddress(),
          maxConnections);
      channel.close(true, Http3ErrorCode.H3_EXCESSIVE_LOAD.code(), Unpooled.EMPTY_BUFFER);
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (counted) {
      counted = false;
      open.decrementAndGet();
    }
    ctx.fireChannelInactive();
  }

  /**
   * A client request stream opened: false when it arrived after GOAWAY (the caller refuses it),
   * else it is counted until it closes.
   */
  boolean accept(QuicStreamChannel stream) {
    if (goAwayId >= 0 && stream.streamId() >= goAwayId) {
      return false;
    }
    nextStreamId = Math.max(nextStreamId, stream.streamId() + 4);
    activeStreams++;
    stream.closeFuture().addListener(f -> {
      activeStreams--;
      closeIfDrained();
    });
    return true;
  }

  /** Starts a graceful close; safe from any thread, idempotent. */
  void drain() {
    QuicChannel ch = channel;
    if (ch == null) {
      return;
    }
    ch.eventLoop().execute(() -> {
      if (goAwayId >= 0 || !ch.isActive()) {
        return;
      }
      goAwayId = nextStreamId;
      QuicStreamChannel control = Http3.getLocalControlStream(ch);
      if (control != null && control.isActive()) {
        control.writeAndFlush(new DefaultHttp3GoAwayFrame(goAwayId));
      }
      closeIfDrained();
    });
  }

  private void closeIfDrained() {
    if (goAwayId >= 0 && activeStreams == 0 && channel.isActive()) {
      channel.close(true, Http3ErrorCode.H3_NO_ERROR.code(), Unpooled.EMPTY_BUFFER);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("HTTP/3 connection {}: {}", channel == null ? "?" : channel.remoteSocketAddress(),
        cause.toString());
  }
}
