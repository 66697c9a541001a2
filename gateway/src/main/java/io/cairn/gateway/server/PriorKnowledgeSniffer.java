package io.cairn.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * First handler of a cleartext connection: reads just enough bytes to tell the HTTP/2 connection
 * preface ({@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}, h2c with prior knowledge) from an HTTP/1.x
 * request, installs the matching handlers and removes itself (the bytes read so far go on to the
 * new handlers). A client that sends nothing within the read-header timeout is disconnected.
 */
final class PriorKnowledgeSniffer extends DeadlineSniffer {
  private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

  private final Pipelines pipelines;

  PriorKnowledgeSniffer(Pipelines pipelines, EntryPointOptions options) {
    super(options.readHeaderTimeout());
    this.pipelines = pipelines;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int n = Math.min(in.readableBytes(), PREFACE.readableBytes());
    boolean prefix = ByteBufUtil.equals(in, in.readerIndex(), PREFACE, PREFACE.readerIndex(), n);
    if (prefix && n < PREFACE.readableBytes()) {
      return; // could still be the preface
    }
    if (prefix) {
      pipelines.http2(ctx.pipeline());
    } else {
      pipelines.http1(ctx.pipeline(), true);
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
