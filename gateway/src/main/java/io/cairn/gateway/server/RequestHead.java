package io.cairn.gateway.server;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a {@link RequestRouter} sees of a request: its head, where it came from, and on which entry
 * point. The body is not part of the head; it streams to the chosen {@link Target} afterwards.
 *
 * @param entryPoint name of the entry point that accepted the connection (e.g. {@code web})
 * @param protocol {@code HTTP/1.0}, {@code HTTP/1.1} or {@code HTTP/2.0}
 * @param method the request method as sent (a token; case-sensitive, e.g. {@code GET})
 * @param uri the request target as sent: origin form ({@code /path?query}), or for HTTP/2 the
 *     {@code :path} pseudo-header; never empty
 * @param host the authority the client asked for: the {@code Host} header on HTTP/1.x, {@code
 *     :authority} on HTTP/2; empty (never null) when the client sent none (HTTP/1.0)
 * @param headers the request headers after strict validation. A read-only view: routers must not
 *     modify it. On HTTP/2 it holds the regular headers and {@code host}; no pseudo-headers.
 * @param remoteAddress the peer's socket address (the TCP peer, not X-Forwarded-For)
 * @param tls whether the request arrived over TLS
 */
public record RequestHead(
    String entryPoint,
    String protocol,
    String method,
    String uri,
    String host,
    HttpHeaders headers,
    InetSocketAddress remoteAddress,
    boolean tls) {

  public RequestHead {
    Objects.requireNonNull(entryPoint, "entryPoint");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }

  /** The path part of {@link #uri()}: everything before the first {@code ?}. */
  public String path() {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }
}
