/**
 * The streaming reverse proxy: {@link io.cairn.gateway.proxy.ReverseProxy} implements the {@link
 * io.cairn.gateway.proxy.Forwarder} seam that entry points call.
 *
 * <h2>Flow</h2>
 *
 * For each request a {@code ProxyCall} takes an idle pooled HTTP/1.1 connection to the upstream
 * (or opens one on the client's event loop), writes a rewritten copy of the head, then streams
 * body pieces as they arrive; the response streams back the same way. Backpressure both ways by
 * toggling {@code autoRead} on the side that produces faster than the other side's outbound
 * buffer drains (Netty's default water marks, 32/64 KiB); no body is ever aggregated.
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
 * and go upstream as HTTP/1.1; {@code x-http2-*} extension headers are removed by the server.
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
 * any response byte is retried once on a fresh connection when the request has no body.
 *
 * <h2>Threading</h2>
 *
 * A call and its upstream connection live on the client channel's event loop; the pool is
 * partitioned per loop, so nothing is locked and nothing blocks.
 *
 * <h2>Not yet</h2>
 *
 * HTTPS and HTTP/2 upstreams, load balancing (one upstream URI per call), a cap on total
 * connections per upstream, WebSocket and gRPC pass-through, Go's exact IPv6 spelling in
 * X-Forwarded-For (Java prints {@code 0:0:0:0:0:0:0:1} where Go prints {@code ::1}).
 */
package io.cairn.gateway.proxy;
