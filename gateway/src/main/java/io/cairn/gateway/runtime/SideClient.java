package io.cairn.gateway.runtime;

import io.cairn.gateway.proxy.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 client for the calls the gateway makes beside the proxied request: mirror
 * copies, {@code forwardAuth} checks and {@code errors} pages. One connection per call ({@code
 * Connection: close}), no pooling, on its own event loop (one thread) so that it never competes
 * with the entry points' loops; nothing blocks. Thread-safe.
 *
 * <p>Limits: connect timeout 10 s; the whole exchange must make progress every {@code timeout}
 * (30 s by default, Traefik's forwardAuth client timeout); a response body over {@code
 * maxBodyBytes} fails the call (for mirrors the body is discarded, so no limit applies).
 */
final class SideClient implements AutoCloseable {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** An answer: status, headers (hop-by-hop ones included, as received) and body. */
  record Answer(int status, HttpHeaders headers, byte[] body) {}

  private final MultiThreadIoEventLoopGroup group = Transport.newGroup(1);
  private final Duration timeout;
  private final SideTls contexts = new SideTls();

  SideClient(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Sends one request.
   *
   * @param server {@code http://host:port}
   * @param headers sent as given, plus {@code Connection: close} and the body's {@code Content-Length}
   * @param body null or empty for none
   * @param maxBodyBytes the longest body kept; -1 to discard the body (mirrors)
   */
  CompletableFuture<Answer> send(URI server, String method, String target, HttpHeaders headers, byte[] body,
      int maxBodyBytes) {
    return send(server, method, target, headers, body, maxBodyBytes, null);
  }

  /**
   * As above; an {@code https://} server is called over TLS with {@code tls} (trust from its
   * {@code ca}, else the JDK's; a client certificate from {@code cert}/{@code key}; host name
   * verified unless {@code insecureSkipVerify}); {@code tls} null means the defaults.
   */
  CompletableFuture<Answer> send(URI server, String method, String target, HttpHeaders headers, byte[] body,
      int maxBodyBytes, io.cairn.gateway.config.Middleware.ClientTls tls) {
    CompletableFuture<Answer> result = new CompletableFuture<>();
    boolean https = "https".equalsIgnoreCase(server.getScheme());
    if (!(https || "http".equalsIgnoreCase(server.getScheme())) || server.getHost() == null) {
      result.completeExceptionally(new IOException("unsupported side-call server " + server + "; expected http(s)://host:port"));
      return result;
    }
    io.netty.handler.ssl.SslContext ssl;
    try {
      ssl = https ? contexts.get(tls != null ? tls : io.cairn.gateway.config.Middleware.ClientTls.DEFAULTS) : null;
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    int port = server.getPort() < 0 ? (https ? 443 : 80) : server.getPort();
    DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method),
        target, body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    request.headers().set(headers);
    request.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    int length = body == null ? 0 : body.length;
    if (length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
      request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, length);
    } else {
      request.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    }
    new Bootstrap().group(group).channel(Transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (ssl != null) {
              ch.pipeline().addLast(SideTls.handler(ssl, ch.alloc(), server.getHost(), port, tls != null && tls.insecureSkipVerify()));
            }
            ch.pipeline().addLast(new ReadTimeoutHandler(timeout.toMillis(), TimeUnit.MILLISECONDS));
            ch.pipeline().addLast(new HttpClientCodec(4096, 64 * 1024, 64 * 1024));
            ch.pipeline().addLast(new Reader(result, maxBodyBytes));
          }
        })
        .connect(server.getHost(), port).addListener((io.netty.channel.ChannelFutureListener) f -> {
          if (!f.isSuccess()) {
            request.release();
            result.completeExceptionally(f.cause());
          } else {
            f.channel().writeAndFlush(request);
          }
        });
    return result;
  }

  private static final class Reader extends SimpleChannelInboundHandler<HttpObject> {
    private final CompletableFuture<Answer> result;
    private final int max;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private HttpResponse head;

    Reader(CompletableFuture<Answer> result, int max) {
      this.result = result;
      this.max = max;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) throws IOException {
      if (msg.decoderResult().isFailure()) {
        fail(ctx, new IOException("bad response: " + msg.decoderResult().cause()));
        return;
      }
      if (msg instanceof HttpResponse r) {
        if (r.status().code() >= 200) {
          head = r;
        }
      }
      if (msg instanceof HttpContent c && head != null) {
        if (max >= 0) {
          if (body.size() + c.content().readableBytes() > max) {
            fail(ctx, new IOException("response body over " + max + " bytes"));
            return;
          }
          byte[] bytes = new byte[c.content().readableBytes()];
          c.content().readBytes(bytes);
          body.write(bytes);
        }
        if (c instanceof LastHttpContent) {
          result.complete(new Answer(head.status().code(), head.headers(), body.toByteArray()));
          ctx.close();
        }
      }
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
      result.completeExceptionally(cause);
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      result.completeExceptionally(new IOException("connection closed before the response ended"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      fail(ctx, cause);
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
