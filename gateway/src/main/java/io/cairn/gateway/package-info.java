/**
 * cairn gateway: a Traefik/Caddy-style edge proxy with automatic TLS, HTTP/2 and HTTP/3 (issue 6).
 * Not implemented yet; this module is its home.
 *
 * <p>Planned packages: {@code io.cairn.gateway.server} (Netty entry points), {@code .router}, {@code
 * .middleware}, {@code .service} (load balancing, health), {@code .provider} (file, kv), {@code .tls}
 * (ACME).
 */
package io.cairn.gateway;
