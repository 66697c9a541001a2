package io.cairn.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the TLS handshake: h2 when ALPN chose it, HTTP/1.1 otherwise (no h2c upgrade on TLS). A
 * failed handshake (a client that does not trust the certificate, a scanner) is the client's
 * problem: logged at DEBUG in one line, not at WARN with a stack trace per connection.
 */
final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
  private static final Logger log = LoggerFactory.getLogger(AlpnHandler.class);
  private final Pipelines pipelines;

  AlpnHandler(Pipelines pipelines) {
    super(ApplicationProtocolNames.HTTP_1_1);
    this.pipelines = pipelines;
  }

  @Override
  protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
    if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
      pipelines.http2(ctx.pipeline());
    } else {
      pipelines.http1(ctx.pipeline(), false);
    }
  }

  @Override
  protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
