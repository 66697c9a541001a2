package io.cairn.kv.gateway;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.InternalProtocolNegotiationEvent;
import io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.ProtocolNegotiationEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * gRPC and HTTP/1.1 on one port.
 *
 * <p>gRPC-java lets a server choose how each connection is negotiated. This negotiator holds back the
 * connection's first events and bytes until it has seen the first three bytes: {@code PRI} (the start
 * of the HTTP/2 connection preface every gRPC client sends) hands the connection, with everything
 * held back, to gRPC's own plaintext negotiation; anything else gets the HTTP/1.1 gateway handlers
 * installed in its place, and gRPC never sees the connection. Gateway writes start at this handler's
 * position, so gRPC's write buffering (further from the head of the pipeline) never holds them.
 *
 * <p>On an {@code https://} port the same happens behind a TLS handler: the first bytes sniffed are
 * the decrypted ones. Once the handshake succeeds, the held-back protocol negotiation event gets the
 * TLS session ({@link Grpc#TRANSPORT_ATTR_SSL_SESSION}), so gRPC calls can see the client's
 * certificate; a failed handshake closes the connection.
 */
public final class PortSharing implements InternalProtocolNegotiator.ProtocolNegotiator {
  /** How long a new connection may take to send its first bytes. */
  static final long FIRST_BYTES_TIMEOUT_SECONDS = 10;

  private final InternalProtocolNegotiator.ProtocolNegotiator grpc = InternalProtocolNegotiators.serverPlaintext();
  private final Consumer<ChannelHandlerContext> installHttp1;
  private final SslContext tls;

  /**
   * @param installHttp1 adds the HTTP/1.1 handlers after the given context's handler
   * @param tls the server TLS context of an https:// port; null for a cleartext port
   */
  public PortSharing(Consumer<ChannelHandlerContext> installHttp1, SslContext tls) {
    this.installHttp1 = installHttp1;
    this.tls = tls;
  }

  @Override
  public AsciiString scheme() {
    return tls == null ? grpc.scheme() : HTTPS;
  }

  @Override
  public ChannelHandler newHandler(GrpcHttp2ConnectionHandler handler) {
    return new Sniffer(grpc.newHandler(handler));
  }

  @Override
  public void close() {
    grpc.close();
  }

  private static final AsciiString HTTPS = AsciiString.of("https");

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
      if (tls != null) {
        ctx.pipeline().addBefore(ctx.name(), null, tls.newHandler(ctx.alloc()));
      }
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
      if (evt instanceof SslHandshakeCompletionEvent done) {
        if (done.isSuccess()) {
          SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
          held.replaceAll(e -> e instanceof ProtocolNegotiationEvent pne ? withSession(pne, session) : e);
        } else {
          ctx.close();
        }
        return;
      }
      held.add(evt);
    }

    private static ProtocolNegotiationEvent withSession(ProtocolNegotiationEvent pne, SSLSession session) {
      Attributes attrs =
          InternalProtocolNegotiationEvent.getAttributes(pne).toBuilder()
              .set(Grpc.TRANSPORT_ATTR_SSL_SESSION, session)
              .build();
      return InternalProtocolNegotiationEvent.withAttributes(pne, attrs);
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
