package io.cairn.gateway.proxy;

import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * What the proxy needs to forward one request.
 *
 * @param head the client's request head as received (method, target, version, headers); the proxy
 *     copies what it sends and does not modify this object
 * @param upstream {@code http://}, {@code h2c://} or {@code https://host:port}
 * @param passHostHeader send the client's Host (true, Traefik's default) or the upstream authority
 * @param clientAddress the TCP peer (for X-Forwarded-For and X-Real-Ip)
 * @param tls whether the client connection is TLS (X-Forwarded-Proto https, port 443 default)
 * @param http2 whether the client speaks HTTP/2 (the head carries :authority as Host)
 * @param bodyExpected whether body content may follow (false when the request is known complete)
 * @param hooks the routing layer's edits and outcome callback ({@link ExchangeHooks#NONE} for none)
 * @param transport TLS and timeout settings for the upstream ({@link UpstreamTransport#DEFAULT})
 */
public record ForwardRequest(
    HttpRequest head,
    URI upstream,
    boolean passHostHeader,
    InetSocketAddress clientAddress,
    boolean tls,
    boolean http2,
    boolean bodyExpected,
    ExchangeHooks hooks,
    UpstreamTransport transport) {

  public ForwardRequest {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(hooks, "hooks");
  }

  /** A request with the default transport. */
  public ForwardRequest(HttpRequest head, URI upstream, boolean passHostHeader, InetSocketAddress clientAddress,
      boolean tls, boolean http2, boolean bodyExpected, ExchangeHooks hooks) {
    this(head, upstream, passHostHeader, clientAddress, tls, http2, bodyExpected, hooks,
        UpstreamTransport.DEFAULT);
  }

  /** A request with no hooks. */
  public ForwardRequest(HttpRequest head, URI upstream, boolean passHostHeader, InetSocketAddress clientAddress,
      boolean tls, boolean http2, boolean bodyExpected) {
    this(head, upstream, passHostHeader, clientAddress, tls, http2, bodyExpected, ExchangeHooks.NONE);
  }
}
