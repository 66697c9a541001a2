package io.cairn.gateway.http3;

import io.cairn.gateway.server.EntryPointOptions;
import io.netty.handler.codec.http3.DefaultHttp3SettingsFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3SettingsFrame;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicTokenHandler;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * How an entry point's limits map onto QUIC transport parameters and HTTP/3 SETTINGS (the table in
 * package-info lists the defaults).
 */
final class Http3Settings {
  /** Receive window per request stream; quiche grows it as the application reads. */
  static final long STREAM_WINDOW = 1024 * 1024;
  /** Receive window per connection, across its streams. */
  static final long CONNECTION_WINDOW = 16L * 1024 * 1024;
  /**
   * Header sections above {@code HARD_LIMIT_FACTOR * maxHeaderBytes} are refused by Netty's QPACK
   * decoder (H3_EXCESSIVE_LOAD, a connection error) before anything is stored; between {@code
   * maxHeaderBytes} and that the request is answered 431.
   */
  static final int HARD_LIMIT_FACTOR = 2;

  private Http3Settings() {}

  static QuicServerCodecBuilder codec(EntryPointOptions options, QuicSslContext ssl) {
    return Http3.newQuicServerCodecBuilder()
        .sslContext(ssl)
        .maxIdleTimeout(options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .initialMaxData(CONNECTION_WINDOW)
        .initialMaxStreamDataBidirectionalRemote(STREAM_WINDOW)
        .initialMaxStreamDataBidirectionalLocal(STREAM_WINDOW)
        .initialMaxStreamsBidirectional(options.maxConcurrentStreams())
        .tokenHandler(NoRetry.INSTANCE);
  }

  static Http3SettingsFrame frame(EntryPointOptions options) {
    DefaultHttp3SettingsFrame settings = new DefaultHttp3SettingsFrame();
    settings.put(Http3SettingsFrame.HTTP3_SETTINGS_MAX_FIELD_SECTION_SIZE,
        (long) options.maxHeaderBytes() * HARD_LIMIT_FACTOR);
    return settings;
  }

  /**
   * No Retry round trip for address validation, as quic-go (Traefik) by default: QUIC's 3x
   * anti-amplification limit still applies to unvalidated addresses.
   */
  private enum NoRetry implements QuicTokenHandler {
    INSTANCE;

    @Override
    public boolean writeToken(ByteBuf out, ByteBuf dcid, InetSocketAddress address) {
      return false;
    }

    @Override
    public int validateToken(ByteBuf token, InetSocketAddress address) {
      return 0;
    }

    @Override
    public int maxTokenLength() {
      return 0;
    }
  }
}
