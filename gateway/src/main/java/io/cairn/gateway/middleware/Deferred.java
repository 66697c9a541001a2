package io.cairn.gateway.middleware;

import java.util.Objects;

/**
 * A middleware whose work is on the body or on another HTTP call, left to the proxy: {@code
 * compress}, {@code errors}, {@code buffering}. It passes requests and
 * responses through unchanged here; the proxy finds it with {@link Chain#deferred()} and acts on
 * {@link #config()}.
 *
 * @param name the middleware's name in the configuration
 * @param config its options, with Traefik's defaults
 */
public record Deferred(String name, io.cairn.gateway.config.Middleware config) implements Middleware {
  public Deferred {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  @Override
  public Outcome onRequest(Exchange exchange) {
    return Outcome.CONTINUE;
  }
}
