package io.cairn.gateway.runtime;

import io.cairn.gateway.config.ServersTransport;
import io.cairn.gateway.config.Service;
import io.cairn.gateway.proxy.UpstreamTransport;
import io.cairn.gateway.service.ActiveHealthCheck;
import io.cairn.gateway.service.Balancer;
import io.cairn.gateway.service.Child;
import io.cairn.gateway.service.FailoverService;
import io.cairn.gateway.service.HealthCheckSpec;
import io.cairn.gateway.service.LoadBalancerService;
import io.cairn.gateway.service.MirroringService;
import io.cairn.gateway.service.P2cBalancer;
import io.cairn.gateway.service.PassiveHealth;
import io.cairn.gateway.service.ServerTarget;
import io.cairn.gateway.service.ServiceNode;
import io.cairn.gateway.service.StickyCookie;
import io.cairn.gateway.service.WeightedService;
import io.cairn.gateway.service.WrrBalancer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The services of one validated dynamic configuration, built into {@link ServiceNode}s, and their
 * active health checks (not started: {@link #startChecks()} when the configuration goes live, {@link
 * #close()} when it is replaced).
 *
 * <p>Names: a service is known by its qualified name {@code name@provider}; a reference without
 * {@code @} means the referring element's provider. Decisions: servers keep configuration order
 * (Traefik shuffles them once per build); a server of weight 0 is left out, as Traefik; passive
 * outlier ejection ({@link PassiveHealth}, nginx's defaults) applies to services of two servers or
 * more only, since ejecting the only server would just turn errors into 503s (nginx ignores {@code
 * max_fails} for a single server too); {@code grpc} health checks are not run.
 */
final class ServiceGraph implements AutoCloseable {
  private final Map<String, Service> configs;
  private final Map<String, ServersTransport> transports;
  private final String provider;
  private final ScheduledExecutorService scheduler;
  private final Map<String, ServiceNode> built = new LinkedHashMap<>();
  private final Set<String> building = new HashSet<>();
  private final List<ActiveHealthCheck> checks = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  ServiceGraph(Map<String, Service> services, String provider, ScheduledExecutorService scheduler) {
    this(services, provider, scheduler, Map.of());
  }

  /** With the {@code serversTransports} that load-balancer services name (by name, or name@provider). */
  ServiceGraph(Map<String, Service> services, String provider, ScheduledExecutorService scheduler,
      Map<String, ServersTransport> transports) {
    this.transports = transports;
    this.provider = provider;
    this.scheduler = scheduler;
    this.configs = new LinkedHashMap<>();
    services.forEach((name, s) -> configs.put(qualify(name), s));
    for (String name : configs.keySet()) {
      try {
        node(name);
      } catch (IllegalArgumentException e) {
        building.clear();
        warnings.add("service " + name + ": " + e.getMessage() + "; service left out");
      }
    }
  }

  /** Services that could not be built (a child from another provider, a child listed twice, …). */
  List<String> warnings() {
    return warnings;
  }

  /** {@code ref} with this provider's suffix when it has none. */
  String qualify(String ref) {
    return ref.contains("@") ? ref : ref + "@" + provider;
  }

  /** The services built, by qualified name (read-only view). */
  Map<String, ServiceNode> built() {
    return java.util.Collections.unmodifiableMap(built);
  }

  /** The service {@code ref} names, or empty when there is none (another provider's, or unknown). */
  Optional<ServiceNode> find(String ref) {
    return Optional.ofNullable(built.get(qualify(ref)));
  }

  private ServiceNode node(String qualified) {
    ServiceNode done = built.get(qualified);
    if (done != null) {
      return done;
    }
    Service config = configs.get(qualified);
    if (config == null) {
      throw new IllegalArgumentException("no service named " + qualified);
    }
    if (!building.add(qualified)) {
      throw new IllegalArgumentException("service " + qualified + " contains itself");
    }
    ServiceNode n = switch (config) {
      case Service.LoadBalancer lb -> loadBalancer(qualified, lb);
      case Service.Weighted w -> new WeightedService(qualified,
          w.services().stream().filter(r -> r.weight() > 0)
              .map(r -> new Child<>(qualify(r.name()), r.weight(), node(qualify(r.name())))).toList(),
          sticky(w.sticky(), qualified));
      case Service.Mirroring m -> new MirroringService(qualified, node(qualify(m.service())),
          m.mirrors().stream().map(x -> new MirroringService.Mirror(node(qualify(x.name())), x.percent())).toList(),
          m.mirrorBody(), m.maxBodySize());
      case Service.Failover f -> new FailoverService(qualified, node(qualify(f.service())), node(qualify(f.fallback())));
      case Service.FileServer fs -> FileAnswers.service(qualified, fs);
    };
    building.remove(qualified);
    built.put(qualified, n);
    return n;
  }

  private LoadBalancerService loadBalancer(String name, Service.LoadBalancer lb) {
    List<Child<ServerTarget>> servers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    UpstreamTransport transport = transport(lb.serversTransport());
    for (Service.Server s : lb.servers()) {
      if (s.weight() > 0 && seen.add(s.url())) {
        servers.add(new Child<>(s.url(), s.weight(), new ServerTarget(name, URI.create(s.url()), lb.passHostHeader(), s.preservePath(), transport)));
      }
    }
    StickyCookie cookie = sticky(lb.sticky(), name);
    Balancer<ServerTarget> balancer = "p2c".equalsIgnoreCase(lb.strategy())
        ? new P2cBalancer<>(servers, cookie) : new WrrBalancer<>(servers, cookie);
    PassiveHealth passive = servers.size() < 2 ? null : new PassiveHealth(PassiveHealth.DEFAULT_MAX_FAILED_ATTEMPTS,
        PassiveHealth.DEFAULT_FAILURE_WINDOW, scheduler, System::nanoTime);
    LoadBalancerService service = new LoadBalancerService(name, balancer, passive);
    lb.healthCheck().filter(hc -> !"grpc".equalsIgnoreCase(hc.mode())).ifPresent(hc -> checks.add(
        new ActiveHealthCheck(service, new HealthCheckSpec(hc.scheme(), hc.path(), hc.method(), hc.status(), hc.port(),
            hc.interval(), hc.timeout(), hc.hostname(), hc.followRedirects(), hc.headers()), (server, up) -> { })));
    return service;
  }

  /**
   * The proxy's view of a {@code serversTransports} entry; the default transport (empty name,
   * {@code default}, or one from another provider) uses every option's default.
   */
  private UpstreamTransport transport(String ref) {
    String name = ref.endsWith("@" + provider) ? ref.substring(0, ref.length() - provider.length() - 1) : ref;
    ServersTransport t = transports.get(name);
    if (t == null) {
      return UpstreamTransport.DEFAULT;
    }
    return new UpstreamTransport(t.serverName(), t.insecureSkipVerify(), t.rootCAs(), t.disableHTTP2(),
        t.forwardingTimeouts().dialTimeout(), t.forwardingTimeouts().responseHeaderTimeout(),
        t.certificates().stream().map(c -> new UpstreamTransport.ClientCertificate(c.certFile(), c.keyFile())).toList());
  }

  private static StickyCookie sticky(Optional<Service.Sticky> sticky, String service) {
    return sticky.flatMap(Service.Sticky::cookie).map(c -> new StickyCookie(
        c.name().isEmpty() ? StickyCookie.defaultName(service) : c.name(),
        c.secure(), c.httpOnly(), c.sameSite(), c.maxAge(), c.path().isEmpty() ? "/" : c.path(), c.domain()))
        .orElse(null);
  }

  /** Starts the active health checks. */
  void startChecks() {
    checks.forEach(ActiveHealthCheck::start);
  }

  /** Stops the active health checks. */
  @Override
  public void close() {
    checks.forEach(ActiveHealthCheck::stop);
  }
}
