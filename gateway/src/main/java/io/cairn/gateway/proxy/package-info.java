/**
 * The streaming reverse proxy: {@link io.cairn.gateway.proxy.ReverseProxy} implements the {@link
 * io.cairn.gateway.proxy.Forwarder} seam that entry points call.
 *
 * <h2>Flow</h2>
 *
 * For each request a {@code ProxyCall} acquires an upstream channel from the {@code UpstreamPool}
 * (on the client's event loop) and writes a rewritten copy of the head, then streams body pieces
 * as they arrive; the response streams back the same way. Backpressure both ways by toggling
 * {@code autoRead} on the side that produces faster than the other side's outbound buffer drains
 * (Netty's default water marks, 32/64 KiB); no body is ever aggregated.
 *
 * <h2>Upstream protocols (Traefik's server URL schemes)</h2>
 *
 * <ul>
 *   <li>{@code http://}: HTTP/1.1 over pooled keep-alive connections.
 *   <li>{@code h2c://}: HTTP/2 with prior knowledge. {@code https://}: TLS, ALPN offering h2 then
 *       http/1.1 (only http/1.1 with {@code disableHTTP2}, and for upgrade requests). An HTTP/2
 *       connection ({@code H2Connection}) is pooled per loop and endpoint and multiplexes streams
 *       up to the upstream's {@code SETTINGS_MAX_CONCURRENT_STREAMS} (no stream is opened before
 *       its first SETTINGS); when every connection is full another is dialled. Requests arriving
 *       while a connection is being set up wait for it rather than dialling their own. Each stream
 *       is a child channel behind Netty's HTTP/2-to-HTTP codec, so the call logic is shared: Host
 *       becomes {@code :authority}, connection-specific headers are not sent. Flow control is the
 *       stream's writability and our window updates follow what the client consumed.
 *   <li>TLS ({@link io.cairn.gateway.proxy.UpstreamTransport}, from {@code serversTransports}):
 *       {@code insecureSkipVerify}; {@code rootCAs} (PEM paths or text) replace the JVM trust store
 *       as Traefik replaces the system pool; SNI and hostname verification use {@code serverName}
 *       or the URL's host; {@code forwardingTimeouts.dialTimeout}/{@code responseHeaderTimeout}.
 *       A failed handshake or an untrusted certificate is 502.
 * </ul>
 *
 * <h2>Upgrades (WebSocket)</h2>
 *
 * As Go's {@code ReverseProxy} (so Traefik): any {@code Upgrade} listed in {@code Connection} is
 * forwarded with {@code Connection: Upgrade} + {@code Upgrade} kept; on {@code 101} the response
 * goes to the client unchanged and both connections become a raw byte tunnel ({@code Tunnel}: the
 * server drops its HTTP codecs on the {@link io.cairn.gateway.proxy.Upgraded} event, the upstream
 * connection drops its codec; autoRead backpressure; one side closing closes the other; the entry
 * point's idle timeout still closes an idle tunnel). A 101 for another protocol than requested is
 * 502; any other answer is proxied as a normal response. Decisions: {@code Upgrade: h2c} is never
 * forwarded (the entry point speaks h2c itself; the request goes on without it); HTTP/2 clients
 * cannot upgrade (RFC 8441 extended CONNECT is not supported), and an upgrade towards an {@code
 * h2c://} upstream is dropped.
 *
 * <h2>Trailers and gRPC</h2>
 *
 * Request and response trailers pass end to end ({@code grpc-status}, {@code grpc-message}),
 * including trailers-only responses; {@code TE: trailers} is kept. An HTTP/1.1 client gets the
 * response trailers as chunked trailers only when it sent {@code TE: trailers}; otherwise they are
 * dropped (as Go does for HTTP/1 clients that did not announce them). A client's cancel (stream
 * reset or closed connection) resets the upstream stream (RST_STREAM CANCEL).
 *
 * <h2>Response body seam</h2>
 *
 * {@link io.cairn.gateway.proxy.ExchangeHooks#responseBody} returns a {@link
 * io.cairn.gateway.proxy.BodyFilter} that every response piece goes through (the compress
 * middleware); the call closes it when the exchange ends in any way.
 *
 * <h2>Headers</h2>
 *
 * Hop-by-hop headers are removed both ways ({@code Connection} and what it names, {@code
 * Keep-Alive}, {@code TE} except {@code trailers}, {@code Trailer}, {@code Transfer-Encoding},
 * {@code Upgrade}, {@code Proxy-*}). X-Forwarded-For/-Proto/-Host/-Port/-Server and X-Real-Ip are
 * set as Traefik does with untrusted clients (incoming ones, underscore spellings included, are
 * deleted first). Host passes through ({@code passHostHeader}, Traefik's default true). HTTP/2
 * requests arrive translated by Netty ({@code :authority} to Host, {@code :path} to the target)
 * and go upstream as HTTP/1.1 or HTTP/2; {@code x-http2-*} extension headers are removed by the
 * server (requests) and by the proxy (responses from HTTP/2 upstreams).
 *
 * <h2>Limits and timeouts (defaults, after Traefik's serversTransport)</h2>
 *
 * <table>
 *   <caption>Upstream settings</caption>
 *   <tr><th>setting</th><th>default</th><th>on expiry</th></tr>
 *   <tr><td>idle connections per upstream and event loop</td><td>200</td><td>extra closed</td></tr>
 *   <tr><td>idle connection timeout</td><td>90 s</td><td>closed</td></tr>
 *   <tr><td>dial timeout</td><td>30 s</td><td>504</td></tr>
 *   <tr><td>response header timeout</td><td>none (0)</td><td>504</td></tr>
 *   <tr><td>upstream response head</td><td>1 MiB</td><td>502</td></tr>
 * </table>
 *
 * Errors as Traefik answers them: 502 {@code Bad Gateway} when the upstream refuses or fails before
 * the response head, 504 {@code Gateway Timeout} on a timeout; after the head was sent a failure
 * closes the client connection (resets the HTTP/2 stream). A reused connection that dies before
 * any response byte is retried once on a fresh connection when the request has no body. Beyond
 * that, {@link io.cairn.gateway.proxy.ExchangeHooks#retry} (the {@code retry} middleware) may send a
 * failed attempt to another upstream: after a failed connect (the body, if any, is still held), or
 * for a body-less GET/HEAD/OPTIONS/TRACE whose connection broke before the response head.
 * {@link io.cairn.gateway.proxy.ExchangeHooks#requestContent} sees each body piece (mirroring).
 *
 * <h2>Threading</h2>
 *
 * A call and its upstream connection live on the client channel's event loop; the pool is
 * partitioned per loop, so nothing is locked and nothing blocks.
 *
 * <h2>Not yet</h2>
 *
 * Load balancing (one upstream URI per call), a cap on total connections per upstream, client
 * certificates towards upstreams ({@code serversTransports.certificates}), {@code peerCertURI},
 * {@code readIdleTimeout}/{@code pingTimeout} HTTP/2 pings, the static {@code serversTransport}
 * (only the dynamic {@code serversTransports} are applied), retrying a stream the upstream refused,
 * Go's exact IPv6 spelling in X-Forwarded-For (Java prints {@code 0:0:0:0:0:0:0:1} where Go prints
 * {@code ::1}).
 */
package io.cairn.gateway.proxy;
