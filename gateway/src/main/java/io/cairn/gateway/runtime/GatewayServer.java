package io.cairn.gateway.runtime;

import io.cairn.common.lifecycle.Endpoint;
import io.cairn.common.lifecycle.Service;
import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.EntryPoint;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.config.Validator;
import io.cairn.gateway.provider.file.DynamicSnapshot;
import io.cairn.gateway.provider.file.FileProvider;
import io.cairn.gateway.provider.file.FileWatcher;
import io.cairn.gateway.router.Rules;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.StaticRouter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cairn gateway}: the entry points of a Traefik static configuration, routing by the dynamic
 * configuration of its file provider. A reload (the file provider's {@code watch}) is validated
 * whole and swapped in atomically; connections and requests in flight keep the routing they started
 * with, and a refused reload leaves the previous configuration serving. Thread-safe.
 */
public final class GatewayServer implements Service {
  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

  private final StaticConfig config;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gateway-health").factory());
  private final List<io.cairn.gateway.server.EntryPoint> entryPoints = new ArrayList<>();
  private final RequestRouter fixed;
  private final java.nio.file.Path pkiDir;
  private volatile io.cairn.gateway.tls.GatewayTls tls;
  private volatile RequestRouter redirections;
  private volatile Routing routing;
  private volatile FileWatcher watcher;
  private volatile boolean stopped;

  public GatewayServer(StaticConfig config) {
    this(config, null, io.cairn.gateway.tls.InternalCa.defaultDirectory());
  }

  /**
   * As {@link #GatewayServer(StaticConfig)}, with the internal CA's root kept in {@code pkiDir}
   * (default {@link io.cairn.gateway.tls.InternalCa#defaultDirectory()}). Every entry point then
   * takes TLS and cleartext on its port (see package {@code tls}).
   */
  public GatewayServer(StaticConfig config, java.nio.file.Path pkiDir) {
    this(config, null, pkiDir);
  }

  private GatewayServer(StaticConfig config, RequestRouter fixed, java.nio.file.Path pkiDir) {
    this.config = config;
    this.fixed = fixed;
    this.pkiDir = pkiDir;
  }

  /**
   * The short form {@code cairn gateway --from ADDRESS --to UPSTREAM}: one entry point ({@code web})
   * that proxies every request to one upstream ({@code host:port} or {@code http://host:port}).
   */
  public static GatewayServer forward(String from, String to) {
    StaticRouter router = StaticRouter.to(to);
    StaticConfig defaults = StaticConfig.defaults();
    StaticConfig one = new StaticConfig(java.util.Map.of("web", EntryPoint.at(from)), defaults.providers(), defaults.api(),
        defaults.accessLog(), defaults.prometheus(), defaults.log(), defaults.certificatesResolvers(), defaults.core(),
        defaults.serversTransport());
    Addresses.parse(from); // refuses a bad address before anything starts
    return new GatewayServer(one, router, null);
  }

  @Override
  public String name() {
    return "gateway";
  }

  /** The validator of this configuration's dynamic files (rules checked by the real parser). */
  public static Validator validator(Optional<StaticConfig> staticConfig) {
    return new Validator(Rules::check, staticConfig, FileProvider.NAME);
  }

  @Override
  public synchronized void start() throws Exception {
    String syntax = config.core().defaultRuleSyntax();
    Optional<FileProvider> provider = config.providers().file().map(f -> new FileProvider(paths(f), validator(Optional.of(config))));
    DynamicSnapshot initial = null;
    if (provider.isPresent()) {
      initial = provider.get().load();
      initial.warnings().forEach(w -> log.warn("file provider: {}", w));
    }
    DynamicConfig dynamic = initial == null ? DynamicConfig.empty() : initial.config();
    if (fixed == null) {
      tls = new io.cairn.gateway.tls.GatewayTls(new io.cairn.gateway.tls.InternalCa(pkiDir));
      tls.update(dynamic.tls()).forEach(w -> log.warn("tls: {}", w));
      dynamic = EntryPointModels.apply(dynamic, config.entryPoints());
    }
    routing = Routing.build(dynamic, config.entryPoints().keySet(), FileProvider.NAME, syntax, scheduler);
    routing.warnings().forEach(w -> log.warn("{}", w));
    routing.start();
    RequestRouter routed = fixed != null ? fixed : new GatewayRouter(() -> routing);
    RequestRouter router = fixed != null ? fixed : head -> redirections.route(head);
    redirections = routed;
    try {
      for (var e : config.entryPoints().entrySet()) {
        InetSocketAddress address = Addresses.parse(e.getValue().address());
        entryPoints.add(tls == null
            ? io.cairn.gateway.server.EntryPoint.start(e.getKey(), address, options(e.getValue()), router)
            : io.cairn.gateway.server.EntryPoint.start(e.getKey(), address, options(e.getValue()), router,
                new io.cairn.gateway.proxy.ReverseProxy(io.cairn.gateway.proxy.ProxyOptions.defaults()), tls));
      }
      if (fixed == null) {
        redirections = io.cairn.gateway.tls.Redirections.of(config.entryPoints(), name -> entryPoints.stream()
            .filter(e -> e.name().equals(name)).mapToInt(io.cairn.gateway.server.EntryPoint::port).findFirst(), routed);
      }
      if (provider.isPresent() && config.providers().file().get().watch()) {
        watcher = FileWatcher.start(provider.get(), initial, FileWatcher.DEFAULT_DEBOUNCE, this::apply, this::refused);
      }
    } catch (Exception e) {
      stop();
      throw e;
    }
  }

  private static List<Path> paths(StaticConfig.FileProvider f) {
    return List.of(Path.of(f.filename().isEmpty() ? f.directory() : f.filename()));
  }

  private static EntryPointOptions options(EntryPoint ep) {
    EntryPointOptions o = EntryPointOptions.defaults()
        .withMaxConcurrentStreams(ep.http2().maxConcurrentStreams())
        .withGraceTimeout(ep.transport().graceTimeOut());
    if (!ep.transport().readTimeout().isZero()) {
      o = o.withReadHeaderTimeout(ep.transport().readTimeout());
    }
    if (!ep.transport().idleTimeout().isZero()) {
      o = o.withIdleTimeout(ep.transport().idleTimeout());
    }
    return o;
  }

  private synchronized void apply(DynamicSnapshot snapshot) {
    if (stopped) {
      return;
    }
    DynamicConfig dynamic = snapshot.config();
    io.cairn.gateway.tls.GatewayTls.Prepared certificates = null;
    if (tls != null) {
      try {
        certificates = tls.prepare(dynamic.tls());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("tls.options.default: " + e.getMessage(), e);
      }
      certificates.warnings().forEach(w -> log.warn("tls: {}", w));
      dynamic = EntryPointModels.apply(dynamic, config.entryPoints());
    }
    Routing next = Routing.build(dynamic, config.entryPoints().keySet(), FileProvider.NAME,
        config.core().defaultRuleSyntax(), scheduler);
    next.warnings().forEach(w -> log.warn("{}", w));
    try {
      next.start();
    } catch (RuntimeException e) {
      next.close();
      throw e;
    }
    Routing previous = routing;
    if (certificates != null) {
      tls.install(certificates);
    }
    routing = next;
    previous.close();
    log.info("gateway: configuration reloaded from {}", snapshot.files());
  }

  private void refused(List<ConfigProblem> problems) {
    log.error("gateway: configuration refused, the previous one keeps serving: {}", new ConfigException(problems).getMessage());
  }

  /** The gateway's TLS (certificates, internal CA), or empty for the short form; present once started. */
  public Optional<io.cairn.gateway.tls.GatewayTls> tls() {
    return Optional.ofNullable(tls);
  }

  @Override
  public boolean isReady() {
    return routing != null && !entryPoints.isEmpty();
  }

  @Override
  public void stop() {
    stopped = true;
    FileWatcher w = watcher; // closed outside the lock: its thread may be waiting to enter apply()
    watcher = null;
    if (w != null) {
      w.close();
    }
    stopLocked();
  }

  private synchronized void stopLocked() {
    for (io.cairn.gateway.server.EntryPoint ep : entryPoints) {
      try {
        ep.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    entryPoints.clear();
    if (routing != null) {
      routing.close();
    }
    if (tls != null) {
      tls.close();
    }
    scheduler.shutdownNow();
  }

  private String host(String entryPoint) {
    InetSocketAddress a = Addresses.parse(config.entryPoints().get(entryPoint).address());
    return a.getAddress() == null || a.getAddress().isAnyLocalAddress() ? "127.0.0.1"
        : a.getAddress() instanceof java.net.Inet6Address ? "[" + a.getHostString() + "]" : a.getHostString();
  }

  @Override
  public synchronized List<Endpoint> endpoints() {
    return entryPoints.stream()
        .map(ep -> new Endpoint(name(), "http://" + host(ep.name()) + ":" + ep.port(), "entry point " + ep.name()))
        .toList();
  }
}
