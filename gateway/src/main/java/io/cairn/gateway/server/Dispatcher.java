package io.cairn.gateway.server;

import io.cairn.gateway.proxy.ForwardRequest;
import io.cairn.gateway.proxy.Forwarder;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one request head and starts its exchange: writes a {@link Target.Respond} at once, streams
 * a {@link Target.Stream} ({@link StreamWriter}), or hands a {@link Target.Proxy} to the {@link
 * Forwarder}. Shared by HTTP/1 connections and HTTP/2
 * streams; stateless apart from its configuration, so one instance serves an entry point.
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final String entryPoint;
  private final RequestRouter router;
  private final Forwarder forwarder;
  private final boolean tls;
  /** {@code Alt-Svc} value added to every response, or null; set once HTTP/3 listens. */
  private volatile String altSvc;
  private final io.cairn.gateway.observe.ExchangeObserver observer;

  Dispatcher(String entryPoint, RequestRouter router, Forwarder forwarder, boolean tls) {
    this.entryPoint = entryPoint;
    this.router = router;
    this.observer = router.observer();
    this.forwarder = forwarder;
    this.tls = tls;
  }

  /** Called with {@code exchange} already current on {@code client}, so writes are tracked. */
  void dispatch(Exchange exchange, Channel client, HttpRequest req, boolean http2,
      boolean bodyExpected) {
    dispatch(exchange, client, req, http2 ? "HTTP/2.0" : req.protocolVersion().text(), http2,
        bodyExpected);
  }

  /** As above, with the protocol the router sees ({@code HTTP/3.0} for HTTP/3 streams). */
  void dispatch(Exchange exchange, Channel client, HttpRequest req, String protocol,
      boolean http2, boolean bodyExpected) {
    InetSocketAddress remote = remoteAddress(client);
    boolean tls = this.tls || overTls(client);
    RequestHead head = new RequestHead(
        entryPoint,
        protocol,
        req.method().name(),
        req.uri(),
        req.headers().get(HttpHeaderNames.HOST, ""),
        req.headers(),
        remote,
        tls);
    Target target;
    Observation observation = observer == io.cairn.gateway.observe.ExchangeObserver.NONE
        ? null : new Observation(observer, head, client);
    exchange.observation = observation;
    try {
      target = router.route(head, observation == null ? new io.cairn.gateway.observe.RouteFacts() : observation.facts);
      if (target == null) {
        throw new NullPointerException("RequestRouter returned null");
      }
    } catch (RuntimeException e) {
      log.warn("router failed for {} {}: {}", head.method(), head.uri(), e.toString());
      target = Target.Respond.text(500, "500 Internal Server Error\n");
    }
    switch (target) {
      case Target.Respond r -> answer(r, exchange, client);
      case Target.Stream st -> answer(st, exchange, client);
      case Target.Deferred d -> deferred(d, exchange, client, head);
      case Target.Proxy p -> {
        if (observation != null) {
          observation.proxied = true;
        }
        if (bodyExpected && HttpUtil.is100ContinueExpected(req)) {
          client.writeAndFlush(
              new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        try {
          exchange.forwarding = forwarder.forward(
              new ForwardRequest(req, p.upstream(), p.passHostHeader(), remote, tls, http2,
                  bodyExpected, p.hooks(), p.transport()),
              client);
        } catch (RuntimeException e) {
          // e.g. an absolute-form target java.net.URI refuses: never forwarded, routing released
          log.warn("cannot forward {} {}: {}", head.method(), head.uri(), e.toString());
          try {
            p.hooks().done(false);
          } finally {
            client.writeAndFlush(Responses.of(Target.Respond.text(400, "400 Bad Request\n"), exchange.headRequest));
          }
        }
      }
    }
  }

  /** Writes an answer the server makes itself: a {@link Target.Respond} or a {@link Target.Stream}. */
  private static void answer(Target answer, Exchange exchange, Channel client) {
    switch (answer) {
      case Target.Respond r -> client.writeAndFlush(Responses.of(r, exchange.headRequest));
      case Target.Stream st -> StreamWriter.write(client, exchange, st);
      default -> throw new IllegalArgumentException("not an answer the server writes: " + answer.getClass().getSimpleName());
    }
  }

  /** Starts a {@link Target.Deferred} and writes its answer on the client's loop when it is ready. */
  private static void deferred(Target.Deferred d, Exchange exchange, Channel client, RequestHead head) {
    java.util.concurrent.CompletionStage<Target> stage;
    try {
      stage = d.start().apply(client.eventLoop());
    } catch (RuntimeException e) {
      stage = java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((t, error) -> {
      Runnable write = () -> {
        Target answer = t;
        if (error != null || !(t instanceof Target.Respond || t instanceof Target.Stream)) {
          log.warn("deferred answer failed for {} {}: {}", head.method(), head.uri(),
              error != null ? error.toString() : "got " + (t == null ? "null" : t.getClass().getSimpleName()));
          answer = Target.Respond.text(500, "500 Internal Server Error\n");
        }
        if (!client.isActive()) {
          if (answer instanceof Target.Stream st) {
            st.filter().close();
          }
          return;
        }
        answer(answer, exchange, client);
      };
      if (client.eventLoop().inEventLoop()) {
        write.run();
      } else {
        client.eventLoop().execute(write);
      }
    });
  }

  /** Advertise HTTP/3 on this entry point: {@code value} is the Alt-Svc header, null for none. */
  void altSvc(String value) {
    this.altSvc = value;
  }

  /** Adds the Alt-Svc header (when HTTP/3 is advertised) to a final response head. */
  void decorate(io.netty.handler.codec.http.HttpResponse res) {
    String v = altSvc;
    if (v != null && !res.headers().contains(HttpHeaderNames.ALT_SVC)) {
      res.headers().set(HttpHeaderNames.ALT_SVC, v);
    }
  }

  /** Tells the observer about a request refused before routing ({@link Rejection}). */
  void refused(Channel client, int status) {
    if (observer != io.cairn.gateway.observe.ExchangeObserver.NONE) {
      Observation.refused(observer, entryPoint, client, remoteAddress(client), status);
    }
  }

  /** Whether the connection (the parent of an HTTP/2 stream) has a TLS handler. */
  private static boolean overTls(Channel client) {
    Channel c = client instanceof io.netty.handler.codec.http2.Http2StreamChannel ? client.parent() : client;
    return c.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
  }

  private static InetSocketAddress remoteAddress(Channel client) {
    InetSocketAddress peer = client.attr(StreamDispatch.PEER).get();
    if (peer != null) {
      return peer; // a QUIC stream: neither it nor its connection has a socket address
    }
    Channel c = client.parent() != null && !(client.remoteAddress() instanceof InetSocketAddress)
        ? client.parent() : client;
    return c.remoteAddress() instanceof InetSocketAddress a
        ? a : InetSocketAddress.createUnresolved("0.0.0.0", 0);
  }
}
