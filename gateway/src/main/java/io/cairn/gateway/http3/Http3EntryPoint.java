package io.cairn.gateway.http3;

import io.cairn.gateway.proxy.Forwarder;
import io.cairn.gateway.proxy.Transport;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.StreamDispatch;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/3 listener: QUIC on a UDP port (Traefik binds the TLS entry point's port), requests
 * routed and proxied through {@link StreamDispatch} exactly like the entry point's HTTP/1.1 and
 * HTTP/2 requests. Limits come from the entry point's {@link EntryPointOptions} (see {@link
 * Http3Settings}).
 *
 * <p>Lifecycle: {@link #start} returns once the UDP port is bound; {@link #stop()} sends GOAWAY on
 * every connection, lets request streams in flight finish for up to {@code graceTimeout}, closes
 * what is left and releases the event loop. Thread-safe; {@code stop} is idempotent and blocks.
 */
public final class Http3EntryPoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Http3EntryPoint.class);

  private final String name;
  private final EntryPointOptions options;
  private final EventLoopGroup group;
  private final Channel udp;
  private final Set<ConnectionControl> connections = ConcurrentHashMap.newKeySet();
  private final Set<QuicChannel> channels = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private volatile boolean stopped;

  private Http3EntryPoint(String name, InetSocketAddress address, EntryPointOptions options,
      QuicSslContext ssl, RequestRouter router, Forwarder forwarder) throws InterruptedException {
    this.name = name;
    this.options = options;
    StreamDispatch dispatch = new StreamDispatch(name, "HTTP/3.0", router, forwarder, true);
    ChannelHandler codec = Http3Settings.codec(options, ssl)
        .handler(connectionInitializer(dispatch))
        .build();
    this.group = Transport.newGroup(1);
    try {
      this.udp = new Bootstrap()
          .group(group)
          .channel("epoll".equals(Transport.name())
              ? EpollDatagramChannel.class : NioDatagramChannel.class)
          .handler(codec)
          .bind(address).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
    log.info("entry point {} listening for HTTP/3 on udp {}", name, udp.localAddress());
  }

  /**
   * Binds {@code address} (UDP) and serves HTTP/3 with certificates from {@code ssl} (see {@link
   * QuicTls}), routing with {@code router} and proxying with {@code forwarder}.
   */
  public static Http3EntryPoint start(String name, InetSocketAddress address,
      EntryPointOptions options, QuicSslContext ssl, RequestRouter router, Forwarder forwarder)
      throws InterruptedException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(ssl, "ssl");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(forwarder, "forwarder");
    if (name.isBlank()) {
      throw new IllegalArgumentException("entry point name is blank; expected e.g. \"websecure\"");
    }
    return new Http3EntryPoint(name, address, options, ssl, router, forwarder);
  }

  /**
   * Traefik's {@code http3} on a TLS entry point: HTTP/3 on the UDP port equal to {@code tcp}'s
   * TCP port (same host as {@code address}), and {@code tcp} advertising it with {@code Alt-Svc} on
   * {@code advertisedPort} (Traefik's {@code http3.advertisedPort}; 0 means the port itself).
   */
  public static Http3EntryPoint beside(io.cairn.gateway.server.EntryPoint tcp,
      InetSocketAddress address, EntryPointOptions options, QuicSslContext ssl,
      RequestRouter router, Forwarder forwarder, int advertisedPort) throws InterruptedException {
    Objects.requireNonNull(tcp, "tcp");
    if (advertisedPort < 0 || advertisedPort > 65_535) {
      throw new IllegalArgumentException(
          "http3.advertisedPort is " + advertisedPort + "; expected 0 (the entry point's port) or 1..65535");
    }
    InetSocketAddress udp = address.getAddress() == null
        ? new InetSocketAddress(address.getHostString(), tcp.port())
        : new InetSocketAddress(address.getAddress(), tcp.port());
    Http3EntryPoint h3 = start(tcp.name(), udp, options, ssl, router, forwarder);
    tcp.advertiseAltSvc(h3.altSvc(advertisedPort));
    return h3;
  }

  private ChannelHandler connectionInitializer(StreamDispatch dispatch) {
    return new ChannelInitializer<QuicChannel>() {
      @Override
      protected void initChannel(QuicChannel ch) {
        if (stopped) {
          ch.close(true, Http3ErrorCode.H3_NO_ERROR.code(), io.netty.buffer.Unpooled.EMPTY_BUFFER);
          return;
        }
        ConnectionControl control = new ConnectionControl(open, options.maxConnections());
        connections.add(control);
        channels.add(ch);
        ch.closeFuture().addListener(f -> {
          connections.remove(control);
          channels.remove(ch);
        });
        ch.pipeline().addLast(
            new Http3ServerConnectionHandler(requestStreams(dispatch, control), null, null,
                Http3Settings.frame(options), true),
            control);
      }
    };
  }

  private ChannelHandler requestStreams(StreamDispatch dispatch, ConnectionControl control) {
    // the connection handler installs the frame codec and validation before this initializer runs
    return new ChannelInitializer<QuicStreamChannel>() {
      @Override
      protected void initChannel(QuicStreamChannel ch) {
        if (!control.accept(ch)) {
          ch.shutdown(Http3ErrorCode.H3_REQUEST_REJECTED.code()).addListener(f -> ch.close());
          return;
        }
        if (ch.parent().remoteSocketAddress() instanceof InetSocketAddress peer) {
          ch.attr(StreamDispatch.PEER).set(peer);
        }
        ch.pipeline().addLast(
            new io.netty.handler.codec.http3.Http3FrameToHttpObjectCodec(true, true),
            new RequestAdapter(options.maxHeaderBytes(), options.maxBodyBytes()),
            dispatch.newStreamHandler());
      }
    };
  }

  public String name() {
    return name;
  }

  /** The bound UDP port (useful after binding port 0). */
  public int port() {
    return ((InetSocketAddress) udp.localAddress()).getPort();
  }

  /** QUIC connections currently open. */
  public int openConnections() {
    return open.get();
  }

  /** The {@code Alt-Svc} value advertising this listener, Traefik's format (see {@link AltSvc}). */
  public String altSvc(int advertisedPort) {
    return AltSvc.value(advertisedPort > 0 ? advertisedPort : port());
  }

  /** Graceful stop; see the class comment. */
  public void stop() throws InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    connections.forEach(ConnectionControl::drain);
    long deadline = System.nanoTime() + options.graceTimeout().toNanos();
    while (!channels.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20); // bounded by graceTimeout; connections close themselves when drained
    }
    if (!channels.isEmpty()) {
      log.info("entry point {}: closing {} HTTP/3 connections still open after {}", name,
          channels.size(), options.graceTimeout());
      for (QuicChannel ch : channels) {
        ch.close(true, Http3ErrorCode.H3_NO_ERROR.code(), io.netty.buffer.Unpooled.EMPTY_BUFFER);
      }
      Thread.sleep(50);
    }
    udp.close().await(1, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(2, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
