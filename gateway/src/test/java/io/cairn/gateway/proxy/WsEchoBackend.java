package io.cairn.gateway.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Netty WebSocket echo server on 127.0.0.1 for tests: {@code /ws} echoes text and binary
 * messages (up to 32 MiB), answers pings and echoes the close code; the handshake's request headers
 * are kept in {@link #handshakeHeaders}. Any other path answers 404 {@code no websocket here}.
 */
final class WsEchoBackend implements AutoCloseable {
  static final int MAX = 32 * 1024 * 1024;
  final Map<String, String> handshakeHeaders = new ConcurrentHashMap<>();
  private final EventLoopGroup group = Transport.newGroup(1);
  private final Channel server;

  WsEchoBackend() throws InterruptedException {
    server = new ServerBootstrap().group(group).channel(Transport.serverChannel())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new SimpleChannelInboundHandler<FullHttpRequest>(false) {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                    if (req.uri().equals("/ws")) {
                      req.headers().forEach(e -> handshakeHeaders.put(e.getKey().toLowerCase(), e.getValue()));
                      ctx.fireChannelRead(req);
                      return;
                    }
                    req.release();
                    var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                        ctx.alloc().buffer().writeBytes("no websocket here".getBytes()));
                    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
                    ctx.writeAndFlush(res);
                  }
                },
                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/ws").maxFramePayloadLength(MAX).build()),
                new WebSocketFrameAggregator(MAX),
                new SimpleChannelInboundHandler<WebSocketFrame>(false) {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                    ctx.writeAndFlush(frame); // text and binary echoed as they came
                  }
                });
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
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
