package io.cairn.gateway.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections to upstreams, pooled per event loop and per {@code host:port}.
 *
 * <p>Design: a connection is only ever driven by the event loop of the client it serves, so
 * connections are created on the client's loop and pooled per loop. Each loop's pool is touched by
 * that loop alone and needs no locks; the price is that idle connections are not shared across
 * loops (an upstream sees up to loops x {@code maxIdlePerHost} idle connections, as it would from
 * that many Go transports). The pool is LIFO so that the warmest connection is reused and the
 * coldest ones age out after {@code idleTimeout}. A pooled connection that the upstream closes is
 * dropped from the pool at once.
 */
final class UpstreamPool {
  static final AttributeKey<ScheduledFuture<?>> IDLE_TIMER = AttributeKey.valueOf("cairn.idle");
  static final AttributeKey<String> KEY = AttributeKey.valueOf("cairn.upstream");

  private final ProxyOptions options;
  private final Map<EventLoop, Map<String, ArrayDeque<Channel>>> idle = new ConcurrentHashMap<>();

  UpstreamPool(ProxyOptions options) {
    this.options = options;
  }

  /** A pooled connection, or null; call on {@code loop}. */
  Channel pollIdle(EventLoop loop, String host, int port) {
    ArrayDeque<Channel> q = queue(loop, host + ":" + port);
    Channel ch;
    while ((ch = q.pollLast()) != null) {
      ScheduledFuture<?> timer = ch.attr(IDLE_TIMER).getAndSet(null);
      if (timer != null) {
        timer.cancel(false);
      }
      if (ch.isActive()) {
        return ch;
      }
    }
    return null;
  }

  /** Opens a new connection on {@code loop}. */
  ChannelFuture connect(EventLoop loop, String host, int port) {
    return new Bootstrap()
        .group(loop)
        .channel(Transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.dialTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .attr(KEY, host + ":" + port)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast("codec",
                new HttpClientCodec(8192, options.maxResponseHeaderBytes(), 64 * 1024));
            ch.pipeline().addLast("upstream", new UpstreamHandler());
          }
        })
        .connect(host, port);
  }

  /** Returns a healthy, idle connection to the pool (or closes it when the pool is full). */
  void release(Channel ch) {
    if (!ch.isActive()) {
      return;
    }
    ch.config().setAutoRead(true);
    ArrayDeque<Channel> q = queue(ch.eventLoop(), ch.attr(KEY).get());
    if (q.size() >= options.maxIdlePerHost()) {
      ch.close();
      return;
    }
    q.addLast(ch);
    ch.attr(IDLE_TIMER).set(ch.eventLoop().schedule(() -> {
      q.remove(ch);
      ch.close();
    }, options.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
    ch.closeFuture().addListener(f -> q.remove(ch));
  }

  /** Idle connections held for {@code host:port} on {@code loop} (for tests and metrics). */
  int idleCount(EventLoop loop, String host, int port) {
    return queue(loop, host + ":" + port).size();
  }

  private ArrayDeque<Channel> queue(EventLoop loop, String key) {
    return idle.computeIfAbsent(loop, l -> new HashMap<>())
        .computeIfAbsent(key, k -> new ArrayDeque<>());
  }
}
