package io.cairn.gateway.server;

import io.cairn.gateway.proxy.Forwarder;
import java.util.Objects;

/**
 * The request path of HTTP/2 streams, offered to other stream protocols (HTTP/3 in {@code
 * io.cairn.gateway.http3}): each request stream gets a handler that routes the head through the
 * entry point's {@link RequestRouter} and runs the {@link Target} (Respond or Proxy through the
 * {@link Forwarder}) exactly as on HTTP/1.1 and HTTP/2, so routing never learns which protocol
 * carried the request.
 *
 * <p>The handler returned by {@link #newStreamHandler()} is the last one of a stream channel's
 * pipeline. It reads Netty {@code HttpObject}s: one {@code HttpRequest} (a {@code FullHttpRequest}
 * when the request is known to be complete, which means "no body follows"), then {@code
 * HttpContent}s ending with a {@code LastHttpContent}. Pseudo-headers must already be translated
 * ({@code :authority} to {@code Host}); the response leaves as {@code HttpObject}s for the
 * protocol's codec. One exchange per stream channel; closing the channel aborts it. Thread-safe;
 * handlers are not shareable.
 */
public final class StreamDispatch {
  /**
   * The client's address, set on a stream channel whose own {@code remoteAddress()} is not a
   * socket address (QUIC streams and connections); read for X-Forwarded-For and the router.
   */
  public static final io.netty.util.AttributeKey<java.net.InetSocketAddress> PEER =
      io.netty.util.AttributeKey.valueOf(StreamDispatch.class, "peer");

  private final Dispatcher dispatcher;
  private final String protocol;

  /**
   * @param entryPoint the entry point's name, as routers see it
   * @param protocol what {@link RequestHead#protocol()} says, e.g. {@code HTTP/3.0}
   * @param router picks the target of each request
   * @param forwarder carries Proxy targets
   * @param tls whether the streams are encrypted (always true for HTTP/3)
   */
  public StreamDispatch(String entryPoint, String protocol, RequestRouter router,
      Forwarder forwarder, boolean tls) {
    Objects.requireNonNull(entryPoint, "entryPoint");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(forwarder, "forwarder");
    this.dispatcher = new Dispatcher(entryPoint, router, forwarder, tls);
    this.protocol = protocol;
  }

  /** A new handler for one request stream. */
  public io.netty.channel.ChannelHandler newStreamHandler() {
    return new Http2StreamHandler(dispatcher, protocol);
  }
}
