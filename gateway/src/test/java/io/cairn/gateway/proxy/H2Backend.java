package io.cairn.gateway.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Netty HTTP/2 test upstream on 127.0.0.1: h2c with prior knowledge, or with an {@link
 * SslContext} TLS with ALPN (h2 and http/1.1). Every request is answered with its protocol, method,
 * target and headers (sorted, one per line); {@code /big?n=N} answers N bytes of 'x'; {@code
 * /delay} answers after 50 ms. It counts connections and the most streams open at once on one
 * connection.
 */
final class H2Backend implements AutoCloseable {
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger maxConcurrent = new AtomicInteger();
  private final EventLoopGroup group = Transport.newGroup(1);
  private final Channel server;

  H2Backend(SslContext ssl, int maxStreams) throws InterruptedException {
    server = new ServerBootstrap().group(group).channel(Transport.serverChannel())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connections.incrementAndGet();
            if (ssl == null) {
              h2(ch.pipeline(), maxStreams);
              return;
            }
            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
            ch.pipeline().addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
              @Override
              protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                  h2(ctx.pipeline(), maxStreams);
                } else {
                  ctx.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), answer("HTTP/1.1"));
                }
              }
            });
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  private void h2(ChannelPipeline p, int maxStreams) {
    AtomicInteger active = new AtomicInteger();
    p.addLast(Http2FrameCodecBuilder.forServer()
        .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(maxStreams)).build());
    p.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel ch) {
        maxConcurrent.accumulateAndGet(active.incrementAndGet(), Math::max);
        ch.closeFuture().addListener(f -> active.decrementAndGet());
        ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
            new HttpObjectAggregator(1 << 20), answer("HTTP/2.0"));
      }
    }));
  }

  private static ChannelHandler answer(String protocol) {
    return new SimpleChannelInboundHandler<FullHttpRequest>() {
      @Override
      protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        ByteBuf body = ctx.alloc().buffer();
        if (req.uri().contains("/big?n=")) {
          int n = Integer.parseInt(req.uri().substring(req.uri().indexOf("?n=") + 3));
          for (int i = 0; i < n; i++) {
            body.writeByte('x');
          }
        } else {
          Map<String, String> sorted = new TreeMap<>();
          req.headers().forEach(e -> sorted.merge(e.getKey().toLowerCase(), e.getValue(), (a, b) -> a + "," + b));
          StringBuilder sb = new StringBuilder(protocol + " " + req.method() + " " + req.uri()
              + " body=" + req.content().readableBytes() + "\n");
          sorted.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
          body.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        res.headers().set("x-backend-protocol", protocol);
        if (req.uri().equals("/delay")) {
          ctx.executor().schedule(() -> ctx.writeAndFlush(res), 50, TimeUnit.MILLISECONDS);
        } else {
          ctx.writeAndFlush(res);
        }
      }
    };
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
