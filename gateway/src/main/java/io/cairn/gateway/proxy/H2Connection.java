package io.cairn.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One multiplexed HTTP/2 connection to an upstream ({@code h2c://}, or {@code https://} when ALPN
 * chose h2). Each forwarded request is a stream: a child channel with Netty's {@code
 * Http2StreamFrameToHttpObjectCodec} and an {@link UpstreamHandler}, so a {@link ProxyCall} drives
 * it exactly like an HTTP/1.1 connection (headers are translated by the codec: Host becomes
 * {@code :authority}, connection-specific headers are dropped, {@code TE: trailers} is kept).
 *
 * <p>Capacity: at most the upstream's {@code SETTINGS_MAX_CONCURRENT_STREAMS} streams at once;
 * the pool opens another connection when every one is full or has received GOAWAY. Flow control
 * is the stream channels' writability (the upstream's windows) and {@code autoRead} (our window
 * updates only follow what the client took). Server push is disabled. A connection without
 * streams for {@code idleTimeout} is closed. All methods run on the connection's event loop.
 */
final class H2Connection extends ChannelInboundHandlerAdapter {
  private final Channel channel;
  private final Http2FrameCodec codec;
  private final Duration idleTimeout;
  private final Http2StreamChannelBootstrap streams;
  private int active;
  private ScheduledFuture<?> idleTimer;
  private final Promise<Void> settled;

  private H2Connection(Channel channel, Http2FrameCodec codec, Duration idleTimeout) {
    this.channel = channel;
    this.codec = codec;
    this.idleTimeout = idleTimeout;
    this.settled = channel.eventLoop().newPromise();
    channel.closeFuture().addListener(f -> settled.tryFailure(new java.nio.channels.ClosedChannelException()));
    this.streams = new Http2StreamChannelBootstrap(channel).handler(
        new ChannelInitializer<Http2StreamChannel>() {
          @Override
          protected void initChannel(Http2StreamChannel ch) {
            ch.pipeline().addLast("codec", new Http2StreamFrameToHttpObjectCodec(false, true));
            ch.pipeline().addLast("upstream", new UpstreamHandler());
          }
        });
  }

  /** Adds the HTTP/2 client handlers to {@code p} (after TLS, if any). */
  static H2Connection install(ChannelPipeline p, ProxyOptions options) {
    Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
        .initialSettings(Http2Settings.defaultSettings()
            .pushEnabled(false)
            .maxHeaderListSize(options.maxResponseHeaderBytes()))
        .validateHeaders(true)
        .build();
    H2Connection conn = new H2Connection(p.channel(), codec, options.idleTimeout());
    p.addLast("h2", codec);
    p.addLast("mux", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        ctx.close(); // a pushed stream: never asked for
      }
    }));
    p.addLast("h2conn", conn);
    return conn;
  }

  Channel channel() {
    return channel;
  }

  /**
   * Completes when the upstream's first SETTINGS arrived: until then its stream limit is unknown,
   * so no stream is opened before (a low limit would otherwise refuse the first burst).
   */
  Future<Void> settled() {
    return settled;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Http2SettingsFrame) {
      settled.trySuccess(null);
    }
    ReferenceCountUtil.release(msg);
  }

  /** Whether a new stream may be opened now. */
  boolean hasCapacity() {
    return settled.isSuccess() && channel.isActive() && !codec.connection().goAwayReceived()
        && !codec.connection().goAwaySent()
        && active < codec.connection().local().maxActiveStreams();
  }

  /** Opens a stream, ready for an HTTP request; counts it until its channel closes. */
  Future<Channel> openStream(Promise<Channel> result) {
    active++;
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
    streams.open().addListener(f -> {
      if (f.isSuccess()) {
        Channel stream = (Channel) f.getNow();
        stream.closeFuture().addListener(c -> streamClosed());
        result.trySuccess(stream);
      } else {
        streamClosed();
        result.tryFailure(f.cause());
      }
    });
    return result;
  }

  private void streamClosed() {
    active--;
    if (active == 0 && channel.isActive()) {
      idleTimer = channel.eventLoop().schedule(() -> {
        if (active == 0) {
          channel.close();
        }
      }, idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (idleTimer != null) {
      idleTimer.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
