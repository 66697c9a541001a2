package io.cairn.gateway.server;

import io.cairn.gateway.proxy.Forwarder;
import io.cairn.gateway.proxy.ProxyOptions;
import io.cairn.gateway.proxy.ReverseProxy;
import io.cairn.gateway.proxy.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening entry point (Traefik's {@code entryPoints.<name>}): accepts HTTP/1.1, h2c (prior
 * knowledge and {@code Upgrade: h2c}) or, with {@link EntryPointOptions#tls()}, TLS with ALPN h2 and
 * http/1.1, and hands each request to a {@link RequestRouter}.
 *
 * <p>Lifecycle: {@link #start} binds and returns once the port is open; {@link #stop()} stops
 * accepting, lets in-flight requests finish (HTTP/1 connections close after their current
 * response, HTTP/2 connections get GOAWAY) for up to {@code graceTimeout}, then closes what is left
 * and releases the event loops. Thread-safe; {@code stop} is idempotent and blocks.
 */
public final class EntryPoint implements AutoCloseable {
  /** User event fired on every connection when the entry point starts draining. */
  static final Object DRAIN = new Object() {
    @Override
    public String toString() {
      return "DRAIN";
    }
  };

  private static final Logger log = LoggerFactory.getLogger(EntryPoint.class);

  private final String name;
  private final EntryPointOptions options;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final ConnectionInitializer initializer;
  private final Dispatcher dispatcher;
  private final Channel listener;
  private volatile boolean stopped;

  private EntryPoint(String name, InetSocketAddress address, EntryPointOptions options,
      RequestRouter router, Forwarder forwarder, ConnectionTls perHandshake) throws InterruptedException {
    this.name = name;
    this.options = options;
    SslContext ssl = options.tls() == null ? null : ServerTls.context(options.tls());
    Dispatcher dispatcher = new Dispatcher(name, router, forwarder, ssl != null && perHandshake == null);
    this.dispatcher = dispatcher;
    this.initializer = new ConnectionInitializer(
        options, new Pipelines(options, dispatcher), ssl, perHandshake, connections);
    this.boss = Transport.newGroup(1);
    this.workers = Transport.newGroup(ioThreads(options));
    try {
      this.listener = new ServerBootstrap()
          .group(boss, workers)
          .channel(Transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(initializer)
          .bind(address).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
    log.info("entry point {} listening on {} ({}, {})", name, listener.localAddress(),
        perHandshake != null ? "tls by SNI and cleartext" : ssl == null ? "cleartext" : "tls " + ServerTls.provider(),
        Transport.name());
  }

  /**
   * The worker loops: as many as the cores the JVM may use (one per core, as nginx's {@code
   * worker_processes auto}), not Netty's default of two per core: two loops sharing a core only
   * add context switches, and upstream connections are pooled per loop, so fewer loops also
   * means warmer pools.
   */
  static int ioThreads(EntryPointOptions options) {
    return options.ioThreads() > 0 ? options.ioThreads() : Runtime.getRuntime().availableProcessors();
  }

  /** Starts an entry point that proxies with a {@link ReverseProxy} using default options. */
  public static EntryPoint start(String name, InetSocketAddress address, EntryPointOptions options,
      RequestRouter router) throws InterruptedException {
    return start(name, address, options, router, new ReverseProxy(ProxyOptions.defaults()));
  }

  /** Starts an entry point; {@code forwarder} carries the requests routed to a Proxy target. */
  public static EntryPoint start(String name, InetSocketAddress address, EntryPointOptions options,
      RequestRouter router, Forwarder forwarder) throws InterruptedException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(forwarder, "forwarder");
    Checks.requireArgument(!name.isBlank(), "entry point name is blank; expected e.g. \"web\"");
    return new EntryPoint(name, address, options, router, forwarder, null);
  }

  /**
   * Starts an entry point that takes TLS (certificate chosen per handshake by {@code tls}) and
   * cleartext on the same port; {@link EntryPointOptions#tls()} is ignored.
   */
  public static EntryPoint start(String name, InetSocketAddress address, EntryPointOptions options,
      RequestRouter router, Forwarder forwarder, ConnectionTls tls) throws InterruptedException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(forwarder, "forwarder");
    Objects.requireNonNull(tls, "tls");
    Checks.requireArgument(!name.isBlank(), "entry point name is blank; expected e.g. \"websecure\"");
    return new EntryPoint(name, address, options.withTls(null), router, forwarder, tls);
  }

  public String name() {
    return name;
  }

  /** The bound port (useful after binding port 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /**
   * Advertises HTTP/3 (Traefik's behaviour with {@code http3} on a TLS entry point): every later
   * response on this entry point's HTTP/1.1 and HTTP/2 connections carries {@code Alt-Svc: value}
   * (e.g. {@code h3=":443"; ma=2592000}), unless the response already has one; null stops it.
   */
  public void advertiseAltSvc(String value) {
    dispatcher.altSvc(value);
  }

  /** Connections currently open. */
  public int openConnections() {
    return initializer.openConnections();
  }

  /** Graceful stop; see the class comment. */
  public void stop() throws InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    listener.close().sync();
    for (Channel ch : connections) {
      ch.eventLoop().execute(() -> ch.pipeline().fireUserEventTriggered(DRAIN));
    }
    long grace = options.graceTimeout().toMillis();
    if (!connections.newCloseFuture().await(grace, TimeUnit.MILLISECONDS)) {
      log.info("entry point {}: closing {} connections still open after {} ms", name,
          connections.size(), grace);
    }
    connections.close().await(1, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(2, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
