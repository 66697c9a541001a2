package io.cairn.gateway.runtime;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.EntryPoint;
import io.cairn.gateway.config.HttpConfig;
import io.cairn.gateway.config.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Traefik's entry point "models" ({@code applyModel}): an entry point's {@code http.tls} and {@code
 * http.middlewares} become defaults of the routers on it. A router on several entry points of which
 * some have a model is split, one copy per such entry point named {@code EP-NAME}; a router without
 * {@code entryPoints} is on every entry point. A router's own {@code tls} wins over the entry
 * point's; the entry point's middlewares go before the router's.
 */
final class EntryPointModels {
  private EntryPointModels() {}

  static DynamicConfig apply(DynamicConfig config, Map<String, EntryPoint> entryPoints) {
    boolean anyModel = entryPoints.values().stream()
        .anyMatch(ep -> ep.http().tls().isPresent() || !ep.http().middlewares().isEmpty());
    if (!anyModel) {
      return config;
    }
    Map<String, Router> out = new LinkedHashMap<>();
    config.http().routers().forEach((name, r) -> {
      List<String> eps = r.entryPoints().isEmpty() ? List.copyOf(entryPoints.keySet()) : r.entryPoints();
      List<String> plain = new ArrayList<>();
      List<String> modelled = new ArrayList<>();
      for (String ep : eps) {
        EntryPoint e = entryPoints.get(ep);
        boolean model = e != null && (e.http().tls().isPresent() || !e.http().middlewares().isEmpty());
        (model ? modelled : plain).add(ep);
      }
      if (modelled.isEmpty()) {
        out.put(name, r);
        return;
      }
      if (!plain.isEmpty()) {
        out.put(name, with(r, plain, r.middlewares(), r.tls()));
      }
      for (String ep : modelled) {
        EntryPoint.Http http = entryPoints.get(ep).http();
        List<String> middlewares = new ArrayList<>(http.middlewares());
        middlewares.addAll(r.middlewares());
        Optional<Router.Tls> tls = r.tls().isPresent() ? r.tls() : http.tls();
        out.put(eps.size() > 1 ? ep + "-" + name : name, with(r, List.of(ep), middlewares, tls));
      }
    });
    HttpConfig h = config.http();
    return new DynamicConfig(new HttpConfig(out, h.services(), h.middlewares(), h.serversTransports()), config.tls());
  }

  private static Router with(Router r, List<String> eps, List<String> middlewares, Optional<Router.Tls> tls) {
    return new Router(eps, middlewares, r.service(), r.rule(), r.ruleSyntax(), r.priority(), tls);
  }
}
