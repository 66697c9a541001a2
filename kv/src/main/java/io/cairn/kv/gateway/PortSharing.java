package io.cairn.kv.gateway;

import io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.InternalProtocolNegotiators;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * gRPC and HTTP/1.1 on one port.
 *
 * <p>gRPC-java lets a server choose how each connection is negotiated. This negotiator holds back the
 * connection's first events and bytes until it has seen the first three bytes: {@code PRI} (the start
 * of the HTTP/2 connection preface every gRPC client sends) hands the connection, with everything
 * held back, to gRPC's own plaintext negotiation; anything else gets the HTTP/1.1 gateway handlers
 * installed in its place, and gRPC never sees the connection. Gateway writes start at this handler's
 * position, so gRPC's write buffering (further from the head of the pipeline) never holds them.
 */
public final class PortSharing implements InternalProtocolNegotiator.ProtocolNegotiator {
  /** How long a new connection may take to send its first bytes. */
  static final long FIRST_BYTES_TIMEOUT_SECONDS = 10;

  private final InternalProtocolNegotiator.ProtocolNegotiator grpc = InternalProtocolNegotiators.serverPlaintext();
  private final Consumer<ChannelHandlerContext> installHttp1;

  /** @param installHttp1 adds the HTTP/1.1 handlers after the given context's handler */
  public PortSharing(Consumer<ChannelHandlerContext> installHttp1) {
    this.installHttp1 = installHttp1;
  }

  @Override
  public AsciiString scheme() {
    return grpc.scheme();
  }

  @Override
  public ChannelHandler newHandler(GrpcHttp2ConnectionHandler handler) {
    return new Sniffer(grpc.newHandler(handler));
  }

  @Override
  public void close() {
    grpc.close();
  }

  private final class Sniffer extends ChannelInboundHandlerAdapter {
    private final ChannelHandler grpcHandler;
    /** Held-back events in arrival order: {@link #ACTIVE} or a user event. */
    private final List<Object> held = new ArrayList<>();
    private ByteBuf first = Unpooled.EMPTY_BUFFER;
    private ScheduledFuture<?> timeout;
    private static final Object ACTIVE = new Object();

    Sniffer(ChannelHandler grpcHandler) {
      this.grpcHandler = grpcHandler;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      timeout = ctx.executor().schedule(() -> {
        ctx.close();
      }, FIRST_BYTES_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      held.add(ACTIVE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      held.add(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof ByteBuf buf)) {
        ctx.fireChannelRead(msg);
        return;
      }
      ByteBuf joined = Unpooled.wrappedBuffer(first, buf);
      first = joined;
      if (joined.readableBytes() < 3) {
        return;
      }
      timeout.cancel(false);
      boolean http2 =
          ByteBufUtil.equals(joined, joined.readerIndex(), Unpooled.wrappedBuffer("PRI".getBytes(StandardCharsets.US_ASCII)), 0, 3);
      String name = ctx.name();
      if (http2) {
        ctx.pipeline().addAfter(name, null, grpcHandler);
      } else {
        installHttp1.accept(ctx);
      }
      ByteBuf bytes = first;
      first = Unpooled.EMPTY_BUFFER;
      for (Object e : held) {
        if (e == ACTIVE) {
          ctx.fireChannelActive();
        } else if (http2) {
          ctx.fireUserEventTriggered(e);
        } else {
          ReferenceCountUtil.release(e);
        }
      }
      held.clear();
      ctx.fireChannelRead(bytes);
      ctx.pipeline().remove(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (timeout != null) {
        timeout.cancel(false);
      }
      first.release();
      first = Unpooled.EMPTY_BUFFER;
      super.channelInactive(ctx);
    }
  }
}
