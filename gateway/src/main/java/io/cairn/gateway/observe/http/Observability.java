package io.cairn.gateway.observe.http;

import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.observe.AccessLog;
import io.cairn.gateway.observe.ExchangeObserver;
import io.cairn.gateway.observe.TraefikMetrics;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.service.LoadBalancerService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The observability of one gateway, from its static configuration: the access log ({@code
 * accessLog}), the metrics ({@code metrics.prometheus}), and which entry point serves the API and
 * dashboard ({@code api.insecure}: {@code traefik}), {@code /metrics} ({@code
 * metrics.prometheus.entryPoint}, default {@code traefik}, unless {@code manualRouting}) and {@code
 * /ping} ({@code ping.entryPoint}, default {@code traefik}, unless {@code manualRouting}). Built once
 * at start; {@link #close()} flushes and closes the access log. Thread-safe.
 */
public final class Observability implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Observability.class);

  private final StaticConfig config;
  private final Supplier<ApiState> api;
  private final AccessLog accessLog;
  private final TraefikMetrics metrics;
  private final ExchangeObserver observer;
  private final InternalAnswers internalAnswers;

  private Observability(StaticConfig config, Supplier<ApiState> api, AccessLog accessLog, TraefikMetrics metrics) {
    this.config = config;
    this.api = api;
    this.accessLog = accessLog;
    this.metrics = metrics;
    List<ExchangeObserver> all = new ArrayList<>();
    if (metrics != null) {
      all.add(metrics);
      metrics.serverStatus(this::serverStatus);
    }
    if (accessLog != null) {
      all.add(accessLog);
    }
    this.observer = ExchangeObserver.all(all);
    Optional<StaticConfig.Api> a = config.api();
    this.internalAnswers = new InternalAnswers(a.isPresent() ? api : null, a.map(StaticConfig.Api::dashboard).orElse(false),
        a.map(StaticConfig.Api::basePath).orElse("/"), metrics, config.ping().isPresent());
  }

  /**
   * Opens the access log and creates the metrics {@code config} asks for.
   *
   * @param api the live API state (read per API request and per scrape)
   * @throws IOException when the access log file cannot be opened
   * @throws IllegalArgumentException when an option is unusable (a bad header label, unsorted buckets)
   */
  public static Observability start(StaticConfig config, Supplier<ApiState> api) throws IOException {
    TraefikMetrics metrics = config.prometheus().map(TraefikMetrics::new).orElse(null);
    config.prometheus().filter(p -> !p.manualRouting() && !config.entryPoints().containsKey(p.entryPoint()))
        .ifPresent(p -> log.warn("metrics.prometheus.entryPoint: no entry point named {}; /metrics is served nowhere",
            p.entryPoint()));
    config.ping().filter(p -> !p.manualRouting() && !config.entryPoints().containsKey(p.entryPoint()))
        .ifPresent(p -> log.warn("ping.entryPoint: no entry point named {}; /ping is served nowhere", p.entryPoint()));
    AccessLog.trapUsr1(); // as Traefik, with or without an access log file
    AccessLog log = config.accessLog().isPresent() ? AccessLog.open(config.accessLog().get()) : null;
    return new Observability(config, api, log, metrics);
  }

  /** Entry point {@code name}'s router: its internal services in front of {@code next}, with the observer. */
  public RequestRouter router(String name, RequestRouter next) {
    Optional<StaticConfig.Api> a = config.api().filter(StaticConfig.Api::insecure);
    boolean apiHere = a.isPresent() && name.equals("traefik");
    boolean metricsHere = config.prometheus().filter(p -> !p.manualRouting() && p.entryPoint().equals(name)).isPresent();
    boolean pingHere = config.ping().filter(p -> !p.manualRouting() && p.entryPoint().equals(name)).isPresent();
    InternalAnswers internal = new InternalAnswers(apiHere ? api : null,
        apiHere && a.get().dashboard(), a.map(StaticConfig.Api::basePath).orElse("/"), metricsHere ? metrics : null,
        pingHere);
    return new InternalRouter(next, observer, internal);
  }

  /**
   * What dynamic routers naming {@code api@internal}, {@code dashboard@internal}, {@code
   * ping@internal}, {@code prometheus@internal} or {@code noop@internal} get (Traefik's secure mode:
   * {@code api} without {@code insecure}, {@code ping} or {@code metrics.prometheus} with {@code
   * manualRouting}, or any of them alongside their own entry point). A service that is not
   * configured answers 404, as Traefik, which leaves such a router out.
   */
  public InternalAnswers internalAnswers() {
    return internalAnswers;
  }

  /** The metrics, when {@code metrics.prometheus} is configured. */
  public Optional<TraefikMetrics> metrics() {
    return Optional.ofNullable(metrics);
  }

  /** A configuration went live (the first one included). */
  public void configReloaded() {
    if (metrics != null) {
      metrics.configReloaded();
    }
  }

  /** Where {@code traefik_open_connections} comes from. */
  public void openConnections(Supplier<Map<String, Integer>> source) {
    if (metrics != null) {
      metrics.openConnections(source);
    }
  }

  private Map<String, Map<String, Boolean>> serverStatus() {
    Map<String, Map<String, Boolean>> out = new TreeMap<>();
    api.get().services().forEach((name, node) -> {
      if (node instanceof LoadBalancerService lb) {
        Map<String, Boolean> servers = new LinkedHashMap<>();
        lb.balancer().children().forEach(c -> servers.put(c.name(), lb.balancer().isUp(c.name())));
        out.put(name, servers);
      }
    });
    return out;
  }

  @Override
  public void close() {
    if (accessLog != null) {
      accessLog.close();
    }
  }
}
