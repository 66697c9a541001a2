package io.cairn.gateway.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.util.Optional;

/**
 * One connection's SNI step: reads the ClientHello's server name, asks {@link GatewayTls} for the
 * context (possibly completing later, off the event loop), then replaces itself with an {@link
 * SslHandler} named {@code tls}; staples the chosen certificate's OCSP response when there is one.
 */
final class SniSelector extends SniHandler {
  /** Netty's default maximum ClientHello length and a 10 s handshake timeout (Go's default). */
  static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SniSelector.class);

  private final GatewayTls tls;
  private volatile CertifiedKey selected;
  private java.util.List<String> offered = java.util.List.of();

  SniSelector(GatewayTls tls) {
    super((hostname, promise) -> promise.setFailure(new IllegalStateException("unused")), HANDSHAKE_TIMEOUT_MILLIS);
    this.tls = tls;
  }

  @Override
  protected Future<SslContext> lookup(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf clientHello) throws Exception {
    offered = clientHello == null ? java.util.List.of() : ClientHellos.alpn(clientHello);
    return super.lookup(ctx, clientHello);
  }

  @Override
  protected Future<SslContext> lookup(ChannelHandlerContext ctx, String hostname) {
    return tls.lookup(ctx, hostname, offered, k -> selected = k);
  }

  @Override
  protected void onLookupComplete(ChannelHandlerContext ctx, Future<SslContext> future) throws Exception {
    if (!future.isSuccess()) {
      // no certificate for this name (sniStrict, a name the internal CA refuses): a refused
      // handshake, not an error of the gateway
      log.debug("{}: TLS handshake refused for server name \"{}\": {}", ctx.channel(), hostname(),
          future.cause().getMessage());
      ctx.close();
      return;
    }
    super.onLookupComplete(ctx, future);
  }

  @Override
  protected void replaceHandler(ChannelHandlerContext ctx, String hostname, SslContext context) throws Exception {
    if (ctx.isRemoved() || !ctx.channel().isActive()) {
      return; // the client left while the certificate was being prepared
    }
    super.replaceHandler(ctx, hostname, context);
  }

  @Override
  protected SslHandler newSslHandler(SslContext context, ByteBufAllocator allocator) {
    SslHandler h = super.newSslHandler(context, allocator);
    CertifiedKey k = selected;
    if (k != null && h.engine() instanceof ReferenceCountedOpenSslEngine engine) {
      Optional<byte[]> staple = tls.ocspResponse(k);
      staple.ifPresent(engine::setOcspResponse);
    }
    return h;
  }
}
