package io.cairn.gateway.service;

import io.cairn.gateway.proxy.UpstreamTransport;
import java.net.URI;

/**
 * An upstream server a request is proxied to.
 *
 * @param service the name of the {@code loadBalancer} service it belongs to (for metrics and logs)
 * @param url the server's URL as configured ({@code http://10.0.0.1:8080}, perhaps with a path prefix)
 * @param passHostHeader whether the client's {@code Host} is forwarded (Traefik's default) or
 *     replaced by the server's authority
 * @param preservePath whether the path of {@code url} is put before the request's path (Traefik's
 *     {@code preservePath}, default false: the URL's path is ignored)
 * @param transport the service's {@code serversTransport} (TLS and timeouts towards the server)
 */
public record ServerTarget(String service, URI url, boolean passHostHeader, boolean preservePath,
    UpstreamTransport transport) {
  public ServerTarget {
    java.util.Objects.requireNonNull(transport, "transport");
  }

  /** A target with the default transport. */
  public ServerTarget(String service, URI url, boolean passHostHeader, boolean preservePath) {
    this(service, url, passHostHeader, preservePath, UpstreamTransport.DEFAULT);
  }

  /** A target whose URL path is ignored (Traefik's default). */
  public ServerTarget(String service, URI url, boolean passHostHeader) {
    this(service, url, passHostHeader, false);
  }
}
