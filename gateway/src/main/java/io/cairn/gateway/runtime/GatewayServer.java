package io.cairn.gateway.runtime;

import io.cairn.gateway.observe.http.InternalAnswers;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.common.lifecycle.Service;
import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.EntryPoint;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.config.Validator;
import io.cairn.gateway.observe.http.ApiState;
import io.cairn.gateway.observe.http.Observability;
import io.cairn.gateway.provider.file.DynamicSnapshot;
import io.cairn.gateway.provider.file.FileProvider;
import io.cairn.gateway.provider.file.FileWatcher;
import io.cairn.gateway.provider.kv.KvDecoding;
import io.cairn.gateway.provider.kv.GatewayNodes;
import io.cairn.gateway.provider.kv.KvProvider;
import io.cairn.gateway.middleware.ClusterBucketStore;
import io.cairn.gateway.middleware.MiddlewareFactory;
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
 * configuration of its file and etcd providers (each in its own namespace, {@code name@file} and
 * {@code name@etcd}). A reload (the file provider's {@code watch}, an etcd change) is validated
 * whole and swapped in atomically; connections and requests in flight keep the routing they started
 * with, and a refused reload leaves the previous configuration serving. Thread-safe.
 */
public final class GatewayServer implements Service {
  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

  private final StaticConfig config;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gateway-health").factory());
  private final List<io.cairn.gateway.server.EntryPoint> entryPoints = new ArrayList<>();
  private final List<io.cairn.gateway.http3.Http3EntryPoint> http3 = new ArrayList<>();
  private final RequestRouter fixed;
  private final SideClient side = new SideClient(SideClient.DEFAULT_TIMEOUT);
  private final GatewayForwarder forwarder =
      new GatewayForwarder(new io.cairn.gateway.proxy.ReverseProxy(io.cairn.gateway.proxy.ProxyOptions.defaults()));
  private final java.nio.file.Path pkiDir;
  private volatile io.cairn.gateway.tls.GatewayTls tls;
  private final java.util.function.Function<StaticConfig.Acme, io.cairn.gateway.acme.AcmeOptions> acmeOptions;
  private volatile AcmeCertificates acme;
  private volatile RequestRouter redirections;
  private volatile Routing routing;
  private volatile FileWatcher watcher;
  private volatile KvProvider kv;
  /** The gateway nodes sharing the kv, for {@code rateLimit}; null without the kv provider. */
  private volatile GatewayNodes nodes;
  /** The last applied configuration of each provider ({@code file}, {@code etcd}); guarded by this. */
  private final java.util.Map<String, DynamicConfig> providers = new java.util.TreeMap<>();
  private volatile boolean stopped;
  private volatile List<io.cairn.gateway.server.EntryPoint> listening = List.of();
  private final java.time.Instant started = java.time.Instant.now();
  private Observability observability;

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

  /**
   * As {@link #GatewayServer(StaticConfig, Path)}, with each ACME resolver's options (timeouts,
   * backoff, trust) computed by {@code acmeOptions} instead of the defaults and {@code
   * caCertificates}.
   */
  public GatewayServer(StaticConfig config, java.nio.file.Path pkiDir,
      java.util.function.Function<StaticConfig.Acme, io.cairn.gateway.acme.AcmeOptions> acmeOptions) {
    this(config, null, pkiDir, acmeOptions);
  }

  private GatewayServer(StaticConfig config, RequestRouter fixed, java.nio.file.Path pkiDir) {
    this(config, fixed, pkiDir, AcmeCertificates::defaultOptions);
  }

  private GatewayServer(StaticConfig config, RequestRouter fixed, java.nio.file.Path pkiDir,
      java.util.function.Function<StaticConfig.Acme, io.cairn.gateway.acme.AcmeOptions> acmeOptions) {
    this.config = config;
    this.fixed = fixed;
    this.pkiDir = pkiDir;
    this.acmeOptions = java.util.Objects.requireNonNull(acmeOptions, "acmeOptions");
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

  /**
   * One entry point ({@code web}) on {@code from} that answers every request with {@code router},
   * without dynamic configuration: {@code cairn gateway file-server} uses it with a file server.
   */
  public static GatewayServer single(String from, RequestRouter router) {
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
    if (initial != null) {
      providers.put(FileProvider.NAME, initial.config());
    }
    if (config.providers().etcd().isPresent()) {
      StaticConfig.EtcdProvider etcd = config.providers().etcd().get();
      nodes = GatewayNodes.start(etcd);
      kv = KvProvider.start(etcd, new KvDecoding(etcd.rootKey(), new Validator(Rules::check, Optional.of(config), KvProvider.NAME)),
          config.providers().providersThrottleDuration(), java.time.Duration.ofSeconds(5),
          c -> apply(KvProvider.NAME, c, "etcd:" + etcd.rootKey()), this::refused);
      kv.initial().ifPresent(c -> providers.put(KvProvider.NAME, c));
    }
    java.util.Map<String, DynamicConfig> modeled = modeled(providers);
    if (fixed == null) {
      tls = new io.cairn.gateway.tls.GatewayTls(new io.cairn.gateway.tls.InternalCa(pkiDir));
      tls.install(prepareTls(providers, modeled));
      try {
        acme = new AcmeCertificates(config, tls, acmeOptions);
      } catch (RuntimeException e) {
        stop();
        throw e;
      }
    }
    routing = buildRouting(modeled);
    routing.warnings().forEach(w -> log.warn("{}", w));
    routing.start();
    RequestRouter routed = fixed != null ? fixed : new GatewayRouter(() -> routing, side,
        () -> observability == null ? InternalAnswers.none() : observability.internalAnswers());
    RequestRouter router = fixed != null ? fixed : new RequestRouter() { // the redirections, once the ports are known
      @Override
      public io.cairn.gateway.server.Target route(io.cairn.gateway.server.RequestHead head) {
        return redirections.route(head);
      }

      @Override
      public io.cairn.gateway.server.Target route(
          io.cairn.gateway.server.RequestHead head, io.cairn.gateway.observe.RouteFacts facts) {
        return redirections.route(head, facts);
      }
    };
    redirections = routed;
    try {
      observability = Observability.start(config, this::apiState);
      observability.configReloaded();
      if (tls != null) {
        io.cairn.gateway.tls.GatewayTls t = tls;
        AcmeCertificates a = acme;
        observability.metrics().ifPresent(m -> m.certificates(() -> java.util.stream.Stream.concat(
                t.certificates().stream(), a.certificates().stream())
            .map(c -> new io.cairn.gateway.observe.TraefikMetrics.CertificateExpiry(c.cn(), c.serial(),
                String.join(",", c.sans()), c.notAfter().getEpochSecond()))
            .toList()));
      }
      for (var e : config.entryPoints().entrySet()) {
        InetSocketAddress address = Addresses.parse(e.getValue().address());
        EntryPointOptions o = options(e.getValue());
        RequestRouter observed = observability.router(e.getKey(), acme == null ? router : acme.forEntryPoint(e.getKey(), router));
        io.cairn.gateway.server.EntryPoint tcp = tls == null
            ? io.cairn.gateway.server.EntryPoint.start(e.getKey(), address, o, observed, forwarder)
            : io.cairn.gateway.server.EntryPoint.start(e.getKey(), address, o, observed, forwarder, tls);
        entryPoints.add(tcp);
        if (e.getValue().http3().isPresent()) { // UDP on the same port, Alt-Svc on the TCP side
          io.netty.handler.codec.quic.QuicSslContext quic = tls != null
              ? io.cairn.gateway.http3.QuicTls.fromSource(tls.source())
              : o.tls() != null ? io.cairn.gateway.http3.QuicTls.fromFiles(o.tls()) : null;
          if (quic == null) {
            log.warn("entry point {}: http3 needs TLS on the entry point; HTTP/3 not started", e.getKey());
          } else {
            http3.add(io.cairn.gateway.http3.Http3EntryPoint.beside(tcp, address, o, quic, observed, forwarder,
                e.getValue().http3().get().advertisedPort()));
          }
        }
      }
      if (fixed == null) {
        redirections = io.cairn.gateway.tls.Redirections.of(config.entryPoints(), name -> entryPoints.stream()
            .filter(e -> e.name().equals(name)).mapToInt(io.cairn.gateway.server.EntryPoint::port).findFirst(), routed);
      }
      listening = List.copyOf(entryPoints);
      if (acme != null) { // once the entry points answer challenges
        acme.ensure(modeled);
      }
      observability.openConnections(() -> listening.stream().collect(java.util.stream.Collectors.toMap(
          io.cairn.gateway.server.EntryPoint::name, io.cairn.gateway.server.EntryPoint::openConnections)));
      if (provider.isPresent() && config.providers().file().get().watch()) {
        watcher = FileWatcher.start(provider.get(), initial, FileWatcher.DEFAULT_DEBOUNCE, this::apply, this::refused);
      }
    } catch (Exception e) {
      stop();
      throw e;
    }
  }

  /** Each provider's configuration with the entry points' models applied, routed together. */
  /** The TLS certificates and options of the providers' configurations (reads files), warnings logged. */
  private io.cairn.gateway.tls.GatewayTls.Prepared prepareTls(java.util.Map<String, DynamicConfig> raw,
      java.util.Map<String, DynamicConfig> modeled) throws java.io.IOException {
    io.cairn.gateway.tls.GatewayTls.Prepared p = tls.prepare(mergedTls(raw), RouterTlsOptions.byHost(
        modeled, config.core().defaultRuleSyntax(), w -> log.warn("tls: {}", w)));
    p.warnings().forEach(w -> log.warn("tls: {}", w));
    return p;
  }

  /** The routing of the providers' configurations with the entry points' models applied ({@link #modeled}). */
  private Routing buildRouting(java.util.Map<String, DynamicConfig> modeled) {
    GatewayNodes n = nodes;
    return Routing.build(modeled, config.entryPoints().keySet(), config.core().defaultRuleSyntax(), scheduler,
        n == null ? MiddlewareFactory::standard
            : () -> new MiddlewareFactory(System::nanoTime, name -> new ClusterBucketStore(n::count)));
  }

  private java.util.Map<String, DynamicConfig> modeled(java.util.Map<String, DynamicConfig> raw) {
    java.util.Map<String, DynamicConfig> modeled = new java.util.TreeMap<>();
    raw.forEach((p, c) -> modeled.put(p, fixed != null ? c : EntryPointModels.apply(c, config.entryPoints())));
    return modeled;
  }

  /**
   * Every provider's {@code tls} section as one (Traefik keeps one TLS store for all providers):
   * every certificate; options and stores of the same name from the first provider by name
   * ({@code etcd} before {@code file}).
   */
  private static io.cairn.gateway.config.TlsConfig mergedTls(java.util.Map<String, DynamicConfig> raw) {
    List<io.cairn.gateway.config.TlsConfig.Certificate> certificates = new ArrayList<>();
    java.util.Map<String, io.cairn.gateway.config.TlsConfig.Options> options = new java.util.LinkedHashMap<>();
    java.util.Map<String, io.cairn.gateway.config.TlsConfig.Store> stores = new java.util.LinkedHashMap<>();
    for (DynamicConfig c : raw.values()) {
      certificates.addAll(c.tls().certificates());
      c.tls().options().forEach(options::putIfAbsent);
      c.tls().stores().forEach(stores::putIfAbsent);
    }
    return new io.cairn.gateway.config.TlsConfig(certificates, options, stores);
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

  private void apply(DynamicSnapshot snapshot) {
    apply(FileProvider.NAME, snapshot.config(), snapshot.files());
  }

  private synchronized void apply(String provider, DynamicConfig dynamic, Object source) {
    if (stopped) {
      return;
    }
    java.util.Map<String, DynamicConfig> next0 = new java.util.TreeMap<>(providers);
    next0.put(provider, dynamic);
    java.util.Map<String, DynamicConfig> modeled = modeled(next0);
    io.cairn.gateway.tls.GatewayTls.Prepared certificates = null;
    if (tls != null) {
      try {
        certificates = prepareTls(next0, modeled);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("tls.options.default: " + e.getMessage(), e);
      }
    }
    Routing next = buildRouting(modeled);
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
    providers.put(provider, dynamic);
    previous.close();
    if (acme != null) {
      acme.ensure(modeled);
    }
    observability.configReloaded();
    log.info("gateway: configuration reloaded from {}", source);
  }

  private void refused(List<ConfigProblem> problems) {
    log.error("gateway: configuration refused, the previous one keeps serving: {}", new ConfigException(problems).getMessage());
  }

  /** The routing serving now (tests). */
  Routing routing() {
    return routing;
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
    KvProvider k = kv; // the same
    kv = null;
    if (k != null) {
      k.close();
    }
    stopLocked();
  }

  private synchronized void stopLocked() {
    for (io.cairn.gateway.http3.Http3EntryPoint ep : http3) {
      try {
        ep.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    http3.clear();
    for (io.cairn.gateway.server.EntryPoint ep : entryPoints) {
      try {
        ep.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    entryPoints.clear();
    listening = List.of();
    if (routing != null) {
      routing.close();
    }
    if (observability != null) {
      observability.close();
    }
    if (acme != null) {
      acme.close();
    }
    if (nodes != null) {
      nodes.close();
    }
    if (tls != null) {
      tls.close();
    }
    scheduler.shutdownNow();
    side.close();
  }

  /**
   * What the API shows now: the file provider's configuration, else the etcd provider's (the API
   * lists one provider's routers, services and middlewares; both at once is not done yet).
   */
  private ApiState apiState() {
    String shown;
    DynamicConfig dynamic;
    synchronized (this) {
      shown = providers.containsKey(FileProvider.NAME) || !providers.containsKey(KvProvider.NAME)
          ? FileProvider.NAME : KvProvider.NAME;
      dynamic = providers.getOrDefault(shown, DynamicConfig.empty());
    }
    return new ApiState(dynamic, shown, routing.services(), config.entryPoints(),
        config.prometheus().isPresent() ? "prometheus" : "", config.accessLog().isPresent(), started);
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
