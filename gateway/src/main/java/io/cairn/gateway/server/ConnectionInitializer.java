package io.cairn.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sets up each accepted connection: enforces {@code maxConnections}, tracks the channel for
 * graceful stop, and starts the pipeline: {@code tls} + {@code alpn} on TLS entry points, {@code
 * sniffer} (h2c prior knowledge or HTTP/1.x) on cleartext ones, after a shared {@code idle} timer;
 * with a {@link ConnectionTls}, {@code detect} first picks one of the two per connection.
 */
final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {
  private final EntryPointOptions options;
  private final Pipelines pipelines;
  private final SslContext ssl;
  private final ConnectionTls perHandshake;
  private final ChannelGroup connections;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionInitializer(EntryPointOptions options, Pipelines pipelines, SslContext ssl,
      ChannelGroup connections) {
    this(options, pipelines, ssl, null, connections);
  }

  /** With {@code perHandshake}, connections start with a {@link TlsDetector} (TLS or cleartext). */
  ConnectionInitializer(EntryPointOptions options, Pipelines pipelines, SslContext ssl,
      ConnectionTls perHandshake, ChannelGroup connections) {
    this.options = options;
    this.pipelines = pipelines;
    this.ssl = ssl;
    this.perHandshake = perHandshake;
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    if (open.incrementAndGet() > options.maxConnections()) {
      open.decrementAndGet();
      ch.close();
      return;
    }
    ch.closeFuture().addListener(f -> open.decrementAndGet());
    connections.add(ch);
    if (perHandshake != null) {
      ch.pipeline().addLast("detect", new TlsDetector(perHandshake, pipelines, options));
    } else if (ssl != null) {
      ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
    }
    ch.pipeline().addLast("idle", new IdleStateHandler(
        0, 0, options.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
    if (perHandshake != null) {
      return; // the detector adds the rest
    }
    if (ssl != null) {
      ch.pipeline().addLast("alpn", new AlpnHandler(pipelines));
    } else {
      ch.pipeline().addLast("sniffer", new PriorKnowledgeSniffer(pipelines, options));
    }
  }

  int openConnections() {
    return open.get();
  }
}
