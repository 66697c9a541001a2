package io.cairn.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * First handler of a connection on an entry point with {@link ConnectionTls}: looks at the first
 * record header (5 bytes); a TLS record gets the {@code tls} handler and {@code alpn}, anything else
 * the cleartext {@code sniffer}. A client that sends nothing within the read-header timeout is
 * disconnected.
 */
final class TlsDetector extends DeadlineSniffer {
  private static final int RECORD_HEADER = 5;

  private final ConnectionTls tls;
  private final Pipelines pipelines;
  private final EntryPointOptions options;

  TlsDetector(ConnectionTls tls, Pipelines pipelines, EntryPointOptions options) {
    super(options.readHeaderTimeout());
    this.tls = tls;
    this.pipelines = pipelines;
    this.options = options;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < RECORD_HEADER) {
      return;
    }
    if (SslHandler.isEncrypted(in, false)) {
      ctx.pipeline().addAfter(ctx.name(), "tls", tls.newHandler(ctx.channel()));
      ctx.pipeline().addLast("alpn", new AlpnHandler(pipelines));
    } else {
      ctx.pipeline().addLast("sniffer", new PriorKnowledgeSniffer(pipelines, options));
    }
    ctx.pipeline().remove(this);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == EntryPoint.DRAIN) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }
}
