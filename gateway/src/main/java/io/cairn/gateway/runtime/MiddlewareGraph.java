package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Middleware;
import io.cairn.gateway.middleware.MiddlewareException;
import io.cairn.gateway.middleware.MiddlewareFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The middlewares of one dynamic configuration, built on first use (a {@code chain} builds what it
 * names). A middleware that cannot be built throws {@link MiddlewareException} naming it; the router
 * that uses it is left out, as Traefik leaves a router with a broken middleware out.
 */
final class MiddlewareGraph {
  private final Map<String, io.cairn.gateway.config.Middleware> configs = new HashMap<>();
  private final Map<String, Middleware> built = new HashMap<>();
  private final Set<String> building = new HashSet<>();
  private final MiddlewareFactory factory;
  private final UnaryOperator<String> qualify;

  MiddlewareGraph(Map<String, io.cairn.gateway.config.Middleware> middlewares, UnaryOperator<String> qualify,
      MiddlewareFactory factory) {
    this.qualify = qualify;
    this.factory = factory;
    middlewares.forEach((name, m) -> configs.put(qualify.apply(name), m));
  }

  /** The middleware {@code ref} names (qualified by the referring provider when it has no {@code @}). */
  Middleware get(String ref) {
    String name = qualify.apply(ref);
    Middleware m = built.get(name);
    if (m != null) {
      return m;
    }
    io.cairn.gateway.config.Middleware config = configs.get(name);
    if (config == null) {
      throw new MiddlewareException(name, "no such middleware in its provider");
    }
    if (!building.add(name)) {
      throw new MiddlewareException(name, "the chain contains itself");
    }
    try {
      m = factory.build(name, config, this::get);
    } finally {
      building.remove(name);
    }
    built.put(name, m);
    return m;
  }
}
