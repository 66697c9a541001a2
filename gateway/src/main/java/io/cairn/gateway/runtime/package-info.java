/**
 * The running gateway: {@link io.cairn.gateway.runtime.GatewayServer} starts the entry points of a
 * static configuration and routes by the live dynamic one ({@code Routing}, swapped whole on a
 * reload; requests in flight keep the snapshot they started with, upstream connections are pooled
 * by the proxy independently of snapshots, so a reload under load fails no request).
 *
 * <h2>Request path</h2>
 *
 * {@code GatewayRouter} matches the router, runs its middlewares ({@code middleware} package) and
 * asks the service for a server; {@code RoutedHooks} apply the middlewares' edits to what the proxy
 * sends and receive the outcome. {@code GatewayForwarder} wraps the reverse proxy for what must
 * happen before forwarding without blocking an event loop ({@code PreForward}: reading the body
 * whole for {@code buffering}, the rate limiter's delay, {@code forwardAuth} calls) and installs
 * {@code ErrorPages} for the {@code errors} middleware. {@code SideClient} (one extra event-loop
 * thread, no pooling) makes the calls beside the proxied request: mirror copies, auth checks,
 * error pages.
 *
 * <h2>Decisions (Traefik where it defines the behaviour)</h2>
 *
 * <ul>
 *   <li>{@code retry} ({@code Retries}): an attempt is retried only when it failed before any
 *       response byte reached the client and before the server could have processed it: no
 *       connection (refused, dial timeout), or a body-less {@code GET}/{@code HEAD}/{@code
 *       OPTIONS}/{@code TRACE} whose connection broke before the response head. Each retry asks
 *       the service again (another server when the balancer picks one) after Traefik's back-off. A
 *       request body partly sent upstream makes a retry impossible (nothing is buffered), so such
 *       an attempt fails with 502. The middlewares themselves run once.
 *   <li>{@code mirroring} ({@code MirrorCopies}): copies go out after the main response, fire and
 *       forget, never when the client went away; bodies are copied while they stream, at most 4 MiB
 *       per request and 64 MiB for all requests at once; a body over the cap or {@code maxBodySize}
 *       is not mirrored.
 *   <li>{@code forwardAuth}: the auth calls run after the chain's other middlewares; the auth
 *       answer's body is kept up to 1 MiB (more: 500). HTTPS auth servers are called with the
 *       middleware's {@code tls} ({@code SideTls}); a TLS failure answers 500 like any failed call.
 *   <li>{@code errors}: the first errors middleware of a chain applies; pages up to 1 MiB.
 *   <li>{@code buffering}: only {@code maxRequestBodyBytes} (body read whole, in memory up to the
 *       limit, then 413 {@code Request Entity Too Large}); {@code memRequestBodyBytes}, the
 *       response limits and {@code retryExpression} are not carried out.
 * </ul>
 */
package io.cairn.gateway.runtime;
