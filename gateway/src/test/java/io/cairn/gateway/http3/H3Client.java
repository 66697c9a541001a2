package io.cairn.gateway.http3;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3FrameToHttpObjectCodec;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty's own HTTP/3 client for the tests: one QUIC connection, one request per stream, responses
 * collected whole. Trusts any certificate (the tests use a self-signed one).
 */
final class H3Client implements AutoCloseable {
  record Response(int status, HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel udp;
  final QuicChannel quic;
  private final Http3ClientConnectionHandler connection = new Http3ClientConnectionHandler();

  H3Client(InetSocketAddress server) throws Exception {
    QuicSslContext ssl = QuicSslContextBuilder.forClient()
        .trustManager(InsecureTrustManagerFactory.INSTANCE)
        .applicationProtocols(Http3.supportedApplicationProtocols())
        .build();
    udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
        .handler(Http3.newQuicClientCodecBuilder()
            .sslContext(ssl)
            .maxIdleTimeout(30, TimeUnit.SECONDS)
            .initialMaxData(64L * 1024 * 1024)
            .initialMaxStreamDataBidirectionalLocal(4L * 1024 * 1024)
            .build())
        .bind(0).sync().channel();
    quic = QuicChannel.newBootstrap(udp)
        .handler(connection)
        .remoteAddress(server)
        .connect().get(10, TimeUnit.SECONDS);
  }

  /** Whether the server sent GOAWAY on this connection. */
  boolean goAwayReceived() {
    return connection.isGoAwayReceived();
  }

  Response get(String path) throws Exception {
    return send("GET", path, Map.of(), null).get(30, TimeUnit.SECONDS);
  }

  /** Sends a request; {@code body} null means none (HEADERS with FIN). */
  CompletableFuture<Response> send(String method, String path, Map<String, String> headers,
      byte[] body) throws Exception {
    CompletableFuture<Response> result = new CompletableFuture<>();
    QuicStreamChannel stream = Http3.newRequestStream(quic, new ChannelInitializer<QuicStreamChannel>() {
      @Override
      protected void initChannel(QuicStreamChannel ch) {
        ch.pipeline().addLast(new Http3FrameToHttpObjectCodec(false), new Collector(result));
      }
    }).get(10, TimeUnit.SECONDS);
    HttpRequest req = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), path);
    req.headers().set("host", "localhost");
    headers.forEach(req.headers()::set);
    if (body == null) {
      stream.writeAndFlush(new io.netty.handler.codec.http.DefaultFullHttpRequest(
          HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), path, Unpooled.EMPTY_BUFFER,
          req.headers(), io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE));
    } else {
      req.headers().setInt("content-length", body.length);
      stream.write(req);
      for (int off = 0; off < body.length; off += 64 * 1024) {
        int len = Math.min(64 * 1024, body.length - off);
        stream.write(new DefaultHttpContent(Unpooled.wrappedBuffer(body, off, len)));
      }
      stream.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }
    stream.closeFuture().addListener(f -> result.completeExceptionally(
        new IllegalStateException("stream closed before the response ended")));
    return result;
  }

  private static final class Collector extends SimpleChannelInboundHandler<HttpObject> {
    private final CompletableFuture<Response> result;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private HttpResponse head;

    Collector(CompletableFuture<Response> result) {
      this.result = result;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (msg instanceof HttpResponse r && r.status().code() >= 200) {
        head = r;
      }
      if (msg instanceof HttpContent c) {
        ByteBuf b = c.content();
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        body.writeBytes(bytes);
      }
      if (msg instanceof LastHttpContent && head != null) {
        result.complete(new Response(head.status().code(), head.headers(), body.toByteArray()));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      result.completeExceptionally(cause);
      ctx.close();
    }
  }

  @Override
  public void close() throws Exception {
    quic.close().await(2, TimeUnit.SECONDS);
    udp.close().await(2, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(3, TimeUnit.SECONDS);
  }
}
