package io.cairn.gateway.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Upstream connections, pooled per event loop and per {@link Endpoint}: keep-alive HTTP/1.1
 * connections (one request at a time) and multiplexed HTTP/2 connections ({@link H2Connection}).
 *
 * <p>Design: a connection is only ever driven by the event loop of the client it serves, so
 * connections are created on the client's loop and pooled per loop. Each loop's pool is touched by
 * that loop alone and needs no locks; the price is that idle connections are not shared across
 * loops (an upstream sees up to loops x {@code maxIdlePerHost} idle connections, as it would from
 * that many Go transports). The HTTP/1.1 pool is LIFO so that the warmest connection is reused and
 * the coldest ones age out after {@code idleTimeout}. A pooled connection that the upstream closes
 * is dropped from the pool at once.
 *
 * <p>{@link #acquire} hands out a channel ready for one exchange of {@code HttpObject}s: an
 * HTTP/1.1 connection, or a new stream of an HTTP/2 connection that has room. While an {@code
 * h2c}/{@code https} connection is being set up, further requests for the same endpoint wait for
 * it instead of dialling their own (an https one may turn out HTTP/1.1; then they dial).
 */
final class UpstreamPool {
  /** The pool state of an HTTP/1.1 connection that has been released at least once. */
  static final AttributeKey<Idle> IDLE = AttributeKey.valueOf("cairn.idle");
  static final AttributeKey<Endpoint> KEY = AttributeKey.valueOf("cairn.upstream");
  /** Set on an acquired channel: true when it was used before (a pooled connection, a stream of a
   * connection that already served others). */
  static final AttributeKey<Boolean> REUSED = AttributeKey.valueOf("cairn.reused");

  private final ProxyOptions options;
  private final UpstreamTls tls = new UpstreamTls();
  private final Map<EventLoop, Map<Endpoint, Hosts>> pools = new ConcurrentHashMap<>();

  /**
   * An HTTP/1.1 connection's idle bookkeeping, created when it is first released: whether it is in
   * the pool and since when, and its one idle timer. The timer is not rescheduled for every
   * request: when it fires it closes the connection if it has been idle long enough, else waits
   * for the rest of the idle time (or, while the connection is in use, lets the next release arm
   * it again). Loop-confined.
   */
  static final class Idle {
    final ArrayDeque<Channel> pool;
    boolean pooled;
    long since;
    ScheduledFuture<?> timer;

    Idle(ArrayDeque<Channel> pool) {
      this.pool = pool;
    }
  }

  /** One endpoint's connections on one loop. */
  private static final class Hosts {
    final ArrayDeque<Channel> idle = new ArrayDeque<>();
    final List<H2Connection> h2 = new ArrayList<>();
    Promise<Void> pending;
  }

  UpstreamPool(ProxyOptions options) {
    this.options = options;
  }

  /**
   * A channel for one exchange; call on {@code loop}. {@code fresh} skips pooled connections (a
   * retry after a reused one failed).
   */
  Future<Channel> acquire(EventLoop loop, Endpoint e, boolean fresh) {
    Promise<Channel> result = loop.newPromise();
    Hosts hosts = hosts(loop, e);
    if (!fresh) {
      for (H2Connection c : hosts.h2) {
        if (c.hasCapacity()) {
          result.addListener(f -> {
            if (f.isSuccess()) {
              ((Channel) f.getNow()).attr(REUSED).set(true);
            }
          });
          return c.openStream(result);
        }
      }
      Channel ch;
      while ((ch = hosts.idle.pollLast()) != null) {
        Idle idle = ch.attr(IDLE).get();
        if (idle != null) {
          idle.pooled = false; // the timer stays armed: it sees the connection in use and stops
        }
        if (ch.isActive()) {
          ch.attr(REUSED).set(true);
          return result.setSuccess(ch);
        }
      }
      if (hosts.pending != null) {
        hosts.pending.addListener(f -> {
          if (f.isSuccess()) {
            acquire(loop, e, false).addListener(g -> relay(g, result));
          } else {
            result.tryFailure(f.cause());
          }
        });
        return result;
      }
    }
    connect(loop, e, hosts, result);
    return result;
  }

  @SuppressWarnings("unchecked")
  private static void relay(Future<?> from, Promise<Channel> to) {
    if (from.isSuccess()) {
      to.trySuccess((Channel) from.getNow());
    } else {
      to.tryFailure(from.cause());
    }
  }

  private void connect(EventLoop loop, Endpoint e, Hosts hosts, Promise<Channel> result) {
    Promise<Void> setUp = loop.newPromise();
    if (!e.scheme().equals("http") && hosts.pending == null) {
      hosts.pending = setUp;
      setUp.addListener(f -> {
        if (hosts.pending == setUp) {
          hosts.pending = null;
        }
      });
    }
    int dial = (int) (e.transport().dialTimeout().isZero()
        ? options.dialTimeout() : e.transport().dialTimeout()).toMillis();
    ChannelFuture f = new Bootstrap()
        .group(loop)
        .channel(Transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, dial)
        .option(ChannelOption.TCP_NODELAY, true)
        .attr(KEY, e)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (e.tls()) {
              ch.pipeline().addLast("tls", tls.newHandler(ch.alloc(), e));
              ch.pipeline().addLast("alpn", new Alpn(e, hosts, result, setUp));
            } else if (e.h2Only()) {
              hosts.h2.add(H2Connection.install(ch.pipeline(), options));
            } else {
              http1(ch.pipeline());
            }
          }
        })
        .connect(e.host(), e.port());
    f.addListener(done -> {
      if (!done.isSuccess()) {
        setUp.tryFailure(done.cause());
        result.tryFailure(done.cause());
        return;
      }
      Channel ch = f.channel();
      ch.closeFuture().addListener(c -> {
        hosts.h2.removeIf(h -> h.channel() == ch);
        setUp.tryFailure(new ClosedChannelException());
        result.tryFailure(new ClosedChannelException());
      });
      if (e.h2Only()) {
        whenSettled(ch.pipeline().get(H2Connection.class), setUp, result);
      } else if (!e.tls()) {
        ch.attr(REUSED).set(false);
        result.trySuccess(ch);
      }
    });
  }

  /** The first stream of a new HTTP/2 connection, once the upstream's SETTINGS are known. */
  private static void whenSettled(H2Connection conn, Promise<Void> setUp, Promise<Channel> result) {
    conn.settled().addListener(f -> {
      if (f.isSuccess()) {
        conn.openStream(result); // first the request that dialled, then the waiters (acquire)
        setUp.trySuccess(null);
      } else {
        setUp.tryFailure(f.cause());
        result.tryFailure(f.cause());
      }
    });
  }

  private void http1(ChannelPipeline p) {
    p.addLast("codec", new HttpClientCodec(8192, options.maxResponseHeaderBytes(), 64 * 1024));
    p.addLast("upstream", new UpstreamHandler());
  }

  /** After the TLS handshake: HTTP/2 or HTTP/1.1 as ALPN says (HTTP/1.1 without ALPN). */
  private final class Alpn extends ApplicationProtocolNegotiationHandler {
    private final Endpoint e;
    private final Hosts hosts;
    private final Promise<Channel> result;
    private final Promise<Void> setUp;

    Alpn(Endpoint e, Hosts hosts, Promise<Channel> result, Promise<Void> setUp) {
      super(ApplicationProtocolNames.HTTP_1_1);
      this.e = e;
      this.hosts = hosts;
      this.result = result;
      this.setUp = setUp;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        H2Connection conn = H2Connection.install(ctx.pipeline(), options);
        hosts.h2.add(conn);
        whenSettled(conn, setUp, result);
      } else {
        http1(ctx.pipeline());
        ctx.channel().attr(REUSED).set(false);
        setUp.trySuccess(null);
        result.trySuccess(ctx.channel());
      }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
      setUp.tryFailure(cause);
      result.tryFailure(cause);
      ctx.close();
    }
  }

  /**
   * Ends one exchange on {@code ch}: an HTTP/2 stream is closed (its connection stays pooled); a
   * healthy idle HTTP/1.1 connection goes back to the pool (or is closed when the pool is full).
   */
  void release(Channel ch) {
    if (ch instanceof Http2StreamChannel) {
      ch.close();
      return;
    }
    if (!ch.isActive()) {
      return;
    }
    ch.config().setAutoRead(true);
    Idle idle = ch.attr(IDLE).get();
    if (idle == null) {
      ArrayDeque<Channel> q = hosts(ch.eventLoop(), ch.attr(KEY).get()).idle;
      Idle created = new Idle(q);
      idle = created;
      ch.attr(IDLE).set(created);
      ch.closeFuture().addListener(f -> {
        created.pooled = false;
        q.remove(ch);
        if (created.timer != null) {
          created.timer.cancel(false);
        }
      });
    }
    if (idle.pool.size() >= options.maxIdlePerHost()) {
      ch.close();
      return;
    }
    idle.pool.addLast(ch);
    idle.pooled = true;
    idle.since = ch.eventLoop().ticker().nanoTime();
    if (idle.timer == null) {
      armIdleTimer(ch, idle, options.idleTimeout().toNanos());
    }
  }

  private void armIdleTimer(Channel ch, Idle idle, long delayNanos) {
    idle.timer = ch.eventLoop().schedule(() -> {
      idle.timer = null;
      if (!idle.pooled || !ch.isActive()) {
        return; // in use (the next release arms it again) or closed
      }
      long left = options.idleTimeout().toNanos() - (ch.eventLoop().ticker().nanoTime() - idle.since);
      if (left > 0) {
        armIdleTimer(ch, idle, left);
      } else {
        idle.pooled = false;
        idle.pool.remove(ch);
        ch.close();
      }
    }, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Idle HTTP/1.1 connections held for {@code e} on {@code loop} (for tests and metrics). */
  int idleCount(EventLoop loop, Endpoint e) {
    return hosts(loop, e).idle.size();
  }

  /** Open HTTP/2 connections to {@code e} on {@code loop} (for tests and metrics). */
  int h2Count(EventLoop loop, Endpoint e) {
    return hosts(loop, e).h2.size();
  }

  private Hosts hosts(EventLoop loop, Endpoint e) {
    return pools.computeIfAbsent(loop, l -> new HashMap<>()).computeIfAbsent(e, k -> new Hosts());
  }
}
