/**
 * cairn gateway: a Traefik/Caddy-style edge proxy with automatic TLS, HTTP/2 and HTTP/3 (issue 6).
 *
 * <p>A request's path: accept on an entry point → TLS (SNI picks or issues the certificate) → HTTP
 * codec → router match → middleware chain → service (load balancer) → pooled upstream connection →
 * response, with metrics and an access-log line. Configuration follows Traefik's model and spelling
 * so that an existing Traefik setup carries over: <em>static</em> configuration (entry points,
 * providers, api, access log, metrics) is fixed at start; <em>dynamic</em> configuration (routers,
 * services, middlewares, TLS certificates) comes from providers and is swapped atomically as a whole,
 * validated, immutable snapshot.
 *
 * <p>Packages (api before implementation; no cycles: {@code config} and {@code router} depend on
 * nothing else in the gateway, {@code server} on all of them):
 *
 * <ul>
 *   <li>{@code io.cairn.gateway.config}: typed records of the static and dynamic configuration,
 *       decoded from Traefik's YAML/TOML (and static flags such as
 *       {@code --entryPoints.web.address=:8080}); {@code Validator} checks a dynamic configuration
 *       whole (references, rule syntax, middleware options) and reports every problem as a {@code
 *       ConfigProblem(file, key, message)}.
 *   <li>{@code io.cairn.gateway.router}: Traefik v3 rule syntax ({@code Host}, {@code HostRegexp},
 *       {@code Path}, {@code PathPrefix}, {@code PathRegexp}, {@code Method}, {@code Header}, {@code
 *       HeaderRegexp}, {@code Query}, {@code QueryRegexp}, {@code ClientIP}, {@code &&}, {@code ||},
 *       {@code !}, parentheses) parsed into a sealed {@code Rule} AST and compiled to a matcher over
 *       a {@code RequestView}; {@code RouteTable} orders routers by priority (rule length unless
 *       set) and picks the first match.
 *   <li>{@code io.cairn.gateway.server}: Netty entry points (HTTP/1.1 with keep-alive and
 *       pipelining, h2 by ALPN, h2c by prior knowledge and upgrade, HTTP/3), limits and the strict
 *       request checks (400, 431, 408).
 *   <li>{@code io.cairn.gateway.proxy}: pooled keep-alive upstream connections and streaming
 *       forwarding (no whole-body buffering), WebSocket and gRPC pass-through.
 *   <li>{@code io.cairn.gateway.service}: load balancers, sticky sessions, health checks,
 *       mirroring, failover.
 *   <li>{@code io.cairn.gateway.middleware}: Traefik's middlewares.
 *   <li>{@code io.cairn.gateway.files}: the static file server.
 *   <li>{@code io.cairn.gateway.tls}: certificate store, internal CA, ACME.
 *   <li>{@code io.cairn.gateway.provider}: file (watched) and kv providers, the read-only API.
 * </ul>
 */
package io.cairn.gateway;
