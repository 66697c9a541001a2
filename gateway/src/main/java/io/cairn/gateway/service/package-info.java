/**
 * Services: where a routed request goes. A configured service is built into a {@link
 * io.cairn.gateway.service.ServiceNode}: a {@code loadBalancer} of servers ({@link
 * io.cairn.gateway.service.LoadBalancerService}), or a {@code weighted}, {@code failover} or {@code
 * mirroring} composition of services. {@code ServiceNode.route} answers one request with a {@link
 * io.cairn.gateway.service.Route}: the server, the sticky {@code Set-Cookie} values, the mirror
 * copies, and a completion the proxy calls when the request ends.
 *
 * <h2>Balancing (Traefik v3)</h2>
 *
 * <ul>
 *   <li>{@code wrr} (default): weighted round robin by earliest deadline first ({@link
 *       io.cairn.gateway.service.WrrBalancer}); weight 1 unless set; a weight of 0 leaves the server
 *       out (the builder's job, as Traefik ignores it).
 *   <li>{@code p2c}: power of two random choices by in-flight requests ({@link
 *       io.cairn.gateway.service.P2cBalancer}).
 *   <li>Sticky sessions: {@link io.cairn.gateway.service.StickyCookie}; the value is the first 16 hex
 *       digits of SHA-256 of the server URL (or child service name), the default cookie name
 *       Traefik's {@code _} + 5 hex digits of SHA-1 of the service name.
 *   <li>No server up: the proxy answers 503 with the text {@code no available server}, as Traefik.
 * </ul>
 *
 * <h2>Health</h2>
 *
 * <ul>
 *   <li>Active: {@link io.cairn.gateway.service.ActiveHealthCheck} with Traefik's options and
 *       defaults (interval 30 s, timeout 5 s, GET, any 2xx/3xx unless {@code status} is set, redirects
 *       followed). Decision: the first check runs at once rather than after one interval. Only the
 *       {@code http} mode is supported; {@code grpc} health checks are not.
 *   <li>Passive: {@link io.cairn.gateway.service.PassiveHealth}, nginx's {@code max_fails} / {@code
 *       fail_timeout} semantics (defaults 1 and 10 s): proxy-side failures (connect error, timeout,
 *       broken response) eject a server for the window. A 5xx answered by the server is not a
 *       failure.
 *   <li>A server is up when no source has marked it down. A {@code weighted} parent skips a child
 *       service with no server up; {@code failover} switches to its fallback while the main service
 *       is down.
 * </ul>
 *
 * <p>Mirroring: the share of each mirror is kept exact (a mirror is used when its count is below
 * {@code percent}% of the requests seen), as Traefik; mirror copies are fire and forget; {@code
 * mirrorBody} and {@code maxBodySize} (-1 = no limit) are carried on the route for the proxy.
 *
 * <p>Thread-safety: every class here is safe for concurrent use by the proxy's event loops; nothing
 * blocks except {@code ActiveHealthCheck}'s probes, which run on virtual threads.
 */
package io.cairn.gateway.service;
