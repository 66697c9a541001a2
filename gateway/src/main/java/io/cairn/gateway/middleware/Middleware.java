package io.cairn.gateway.middleware;

import java.util.stream.Stream;

/**
 * One of Traefik's HTTP middlewares, built once per configuration by {@link MiddlewareFactory}
 * and shared by every request: implementations are thread-safe and keep per-request state in the
 * {@link Exchange} only.
 *
 * <p>The proxy drives a middleware (usually a {@link Chain}) so: {@link #onRequest} before the
 * service is called; if it answers {@link Outcome.Respond}, the service is not called and the
 * answer goes back to the client, through {@link #onResponse}; else, after waiting {@link
 * Outcome.Proceed#delay()}, the request is forwarded and {@link #onResponse} sees the response
 * head before it is sent to the client; at the very end {@link Exchange#complete}. Neither method
 * blocks nor returns null ({@code forwardAuth}'s call is made by the proxy).
 */
public interface Middleware {
  /** Inspects or changes the request; answers instead of the service, or lets it go on. */
  Outcome onRequest(Exchange exchange);

  /** Changes the response head on its way back (default: nothing). */
  default void onResponse(Exchange exchange, ResponseHead response) {}

  /** This middleware and, for a chain, every middleware in it, depth first, in order. */
  default Stream<Middleware> flatten() {
    return Stream.of(this);
  }
}
