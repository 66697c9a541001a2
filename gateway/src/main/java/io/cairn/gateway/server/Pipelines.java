package io.cairn.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;

/**
 * Installs the protocol handlers on a connection once its protocol is known (see the pipeline
 * layout in package-info). HTTP/1.x: {@code decoder} ({@link StrictRequestDecoder}), {@code
 * encoder} ({@code HttpResponseEncoder}), on cleartext {@code upgrade} (h2c), {@code http1}
 * ({@link Http1ServerHandler}). HTTP/2: {@code h2} ({@code Http2FrameCodec}), {@code mux} (one
 * child channel per stream with {@code Http2StreamFrameToHttpObjectCodec} and {@link
 * Http2StreamHandler}), {@code h2control} ({@link Http2ConnectionControl}).
 */
final class Pipelines {
  /** Largest h2c upgrade request body the upgrade handler aggregates. */
  static final int MAX_UPGRADE_BODY = 64 * 1024;

  private final EntryPointOptions options;
  private final Dispatcher dispatcher;

  Pipelines(EntryPointOptions options, Dispatcher dispatcher) {
    this.options = options;
    this.dispatcher = dispatcher;
  }

  void http1(ChannelPipeline p, boolean allowH2cUpgrade) {
    p.addLast("decoder", new StrictRequestDecoder(options));
    p.addLast("encoder", new HttpResponseEncoder());
    if (allowH2cUpgrade) {
      HttpServerUpgradeHandler.SourceCodec source = this::removeHttp1;
      HttpServerUpgradeHandler.UpgradeCodecFactory factory = protocol -> {
        if (!AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)) {
          return null;
        }
        Http2FrameCodec codec = frameCodec();
        return new Http2ServerUpgradeCodec(
            codec, new Http2MultiplexHandler(streamInitializer()), new Http2ConnectionControl(codec));
      };
      p.addLast("upgrade", new H2cUpgradeHandler(source, factory));
    }
    p.addLast("http1", new Http1ServerHandler(dispatcher));
  }

  void http2(ChannelPipeline p) {
    Http2FrameCodec codec = frameCodec();
    p.addLast("h2", codec);
    p.addLast("mux", new Http2MultiplexHandler(streamInitializer()));
    p.addLast("h2control", new Http2ConnectionControl(codec));
  }

  /** Looks only at requests asking for h2c; others (WebSocket) pass untouched, unaggregated. */
  private static final class H2cUpgradeHandler extends HttpServerUpgradeHandler {
    H2cUpgradeHandler(SourceCodec source, UpgradeCodecFactory factory) {
      super(source, factory, MAX_UPGRADE_BODY);
    }

    @Override
    protected boolean shouldHandleUpgradeRequest(io.netty.handler.codec.http.HttpRequest req) {
      for (String value : req.headers().getAll(io.netty.handler.codec.http.HttpHeaderNames.UPGRADE)) {
        for (String token : value.split(",")) {
          if (token.strip().equalsIgnoreCase("h2c")) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private void removeHttp1(ChannelHandlerContext upgradeCtx) {
    ChannelPipeline p = upgradeCtx.pipeline();
    p.remove("decoder");
    p.remove("encoder");
    p.remove("http1");
  }

  private Http2FrameCodec frameCodec() {
    return Http2FrameCodecBuilder.forServer()
        .initialSettings(Http2Settings.defaultSettings()
            .maxConcurrentStreams(options.maxConcurrentStreams())
            .maxHeaderListSize(options.maxHeaderBytes()))
        .gracefulShutdownTimeoutMillis(options.graceTimeout().toMillis())
        .validateHeaders(true)
        .build();
  }

  private ChannelInitializer<Http2StreamChannel> streamInitializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Http2StreamChannel ch) {
        ch.pipeline().addLast(
            new Http2StreamFrameToHttpObjectCodec(true, true),
            new Http2StreamHandler(dispatcher));
      }
    };
  }
}
