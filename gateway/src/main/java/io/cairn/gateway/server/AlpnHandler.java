package io.cairn.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/** After the TLS handshake: h2 when ALPN chose it, HTTP/1.1 otherwise (no h2c upgrade on TLS). */
final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
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
}
