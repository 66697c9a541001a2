package io.cairn.gateway.runtime;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.middleware.Chain;
import io.cairn.gateway.middleware.MiddlewareException;
import io.cairn.gateway.middleware.MiddlewareFactory;
import io.cairn.gateway.router.RequestView;
import io.cairn.gateway.router.RouteTable;
import io.cairn.gateway.service.ServiceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One live dynamic configuration: for every entry point, the table of its routers, split as
 * Traefik splits them: routers with a {@code tls} section serve the entry point's TLS connections,
 * the others its plain ones. A router without {@code entryPoints} is on every entry point.
 * Immutable once built except for the services' health; {@link #close()} stops its health checks
 * when a newer configuration replaces it.
 */
public final class Routing implements AutoCloseable {
  /** Where a matched request goes: the router, its middlewares (qualified names and built), its service. */
  public record Routed(String router, List<String> middlewares, Chain chain, ServiceNode service) {}

  private record Key(String entryPoint, boolean tls) {}

  private final Map<Key, RouteTable<Routed>> tables;
  private final List<ServiceGraph> services;
  private final List<String> warnings;

  private Routing(Map<Key, RouteTable<Routed>> tables, List<ServiceGraph> services, List<String> warnings) {
    this.tables = tables;
    this.services = services;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Builds the routing of a validated configuration.
   *
   * @param entryPoints the names of the static configuration's entry points
   * @param provider the provider the configuration came from ({@code file})
   * @param defaultRuleSyntax {@code core.defaultRuleSyntax}
   * @param scheduler for passive health; owned by the caller
   */
  public static Routing build(DynamicConfig config, Set<String> entryPoints, String provider, String defaultRuleSyntax,
      ScheduledExecutorService scheduler) {
    return build(Map.of(provider, config), entryPoints, defaultRuleSyntax, scheduler);
  }

  /**
   * Builds the routing of several providers' validated configurations ({@code file}, {@code etcd}),
   * each in its own namespace as Traefik keeps them: a router's {@code service} or {@code
   * middlewares} reference with an {@code @provider} suffix is looked up in that provider, one
   * without in the router's own. Services and middlewares referring to other services or
   * middlewares (weighted, mirroring, failover, chain) stay within their own provider.
   */
  public static Routing build(Map<String, DynamicConfig> byProvider, Set<String> entryPoints, String defaultRuleSyntax,
      ScheduledExecutorService scheduler) {
    return build(byProvider, entryPoints, defaultRuleSyntax, scheduler, MiddlewareFactory::standard);
  }

  /** As above, with each provider's middlewares built by a factory from {@code factories}. */
  static Routing build(Map<String, DynamicConfig> byProvider, Set<String> entryPoints, String defaultRuleSyntax,
      ScheduledExecutorService scheduler, java.util.function.Supplier<MiddlewareFactory> factories) {
    Map<String, ServiceGraph> serviceGraphs = new HashMap<>();
    Map<String, MiddlewareGraph> middlewareGraphs = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    byProvider.forEach((provider, config) -> {
      ServiceGraph services = new ServiceGraph(config.http().services(), provider, scheduler,
          config.http().serversTransports());
      serviceGraphs.put(provider, services);
      middlewareGraphs.put(provider, new MiddlewareGraph(config.http().middlewares(), services::qualify,
          factories.get()));
      warnings.addAll(services.warnings());
    });
    Map<Key, RouteTable.Builder<Routed>> builders = new HashMap<>();
    byProvider.forEach((provider, config) -> config.http().routers().forEach((name, router) -> {
      String qualified = name + "@" + provider;
      ServiceGraph own = serviceGraphs.get(provider);
      String serviceRef = own.qualify(router.service());
      Optional<ServiceNode> service = io.cairn.gateway.service.InternalService.named(serviceRef).<ServiceNode>map(s -> s)
          .or(() -> Optional.ofNullable(serviceGraphs.get(providerOf(serviceRef))).flatMap(g -> g.find(serviceRef)));
      if (service.isEmpty()) {
        warnings.add("router " + qualified + ": service " + router.service() + " is not available; router left out");
        return;
      }
      List<String> middlewares = router.middlewares().stream().map(own::qualify).toList();
      Chain chain;
      try {
        chain = new Chain(middlewares.stream().map(m -> middleware(middlewareGraphs, m)).toList());
      } catch (MiddlewareException e) {
        warnings.add("router " + qualified + ": " + e.getMessage() + "; router left out");
        return;
      }
      Routed routed = new Routed(qualified, middlewares, chain, service.get());
      String syntax = router.ruleSyntax().isEmpty() ? defaultRuleSyntax : router.ruleSyntax();
      for (String ep : router.entryPoints().isEmpty() ? entryPoints : Set.copyOf(router.entryPoints())) {
        if (!entryPoints.contains(ep)) {
          warnings.add("router " + qualified + ": no entry point named " + ep);
          continue;
        }
        builders.computeIfAbsent(new Key(ep, router.tls().isPresent()), k -> RouteTable.builder())
            .add(qualified, router.rule(), syntax, (int) Math.min(Integer.MAX_VALUE, router.priority()), routed);
      }
    }));
    Map<Key, RouteTable<Routed>> tables = new HashMap<>();
    builders.forEach((key, b) -> tables.put(key, b.build(error -> warnings.add(error.toString()))));
    return new Routing(tables, List.copyOf(serviceGraphs.values()), warnings);
  }

  private static String providerOf(String qualified) {
    return qualified.substring(qualified.lastIndexOf('@') + 1);
  }

  private static io.cairn.gateway.middleware.Middleware middleware(Map<String, MiddlewareGraph> graphs, String qualified) {
    MiddlewareGraph g = graphs.get(providerOf(qualified));
    if (g == null) {
      throw new MiddlewareException(qualified, "no provider named " + providerOf(qualified) + " is configured");
    }
    return g.get(qualified);
  }

  /** The route of a request that came in on {@code entryPoint} ({@code tls} when over TLS). */
  public Optional<Routed> match(String entryPoint, boolean tls, RequestView request) {
    RouteTable<Routed> table = tables.get(new Key(entryPoint, tls));
    return table == null ? Optional.empty() : table.match(request);
  }

  /**
   * The service {@code ref} names, if it was built: {@code name@provider} in that provider, a bare
   * {@code name} in the first provider (by name) that has it.
   */
  public Optional<ServiceNode> service(String ref) {
    for (ServiceGraph g : services) {
      Optional<ServiceNode> found = g.find(ref);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** What was left out while building (routers whose service or entry point is missing, bad rules). */
  public List<String> warnings() {
    return warnings;
  }

  /** The services built, by qualified name (for the API and metrics). */
  public Map<String, ServiceNode> services() {
    Map<String, ServiceNode> all = new java.util.HashMap<>();
    services.forEach(g -> all.putAll(g.built()));
    return Map.copyOf(all);
  }

  /** Starts the services' active health checks: call once this routing is live. */
  public void start() {
    services.forEach(ServiceGraph::startChecks);
  }

  @Override
  public void close() {
    services.forEach(ServiceGraph::close);
  }
}
