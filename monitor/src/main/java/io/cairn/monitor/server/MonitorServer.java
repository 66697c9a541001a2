package io.cairn.monitor.server;

import io.cairn.common.config.Config;
import io.cairn.common.config.HostPort;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.common.lifecycle.Service;
import io.cairn.monitor.config.ConfigException;
import io.cairn.monitor.config.PromConfig;
import io.cairn.monitor.discovery.DiscoveryManager;
import io.cairn.monitor.scrape.ScrapeManager;
import io.cairn.monitor.notifier.Notifier;
import io.cairn.monitor.rules.RuleFileException;
import io.cairn.monitor.rules.RuleManager;
import io.cairn.monitor.web.Hostname;
import io.cairn.monitor.web.MonitorWeb;
import io.cairn.promql.engine.Engine;
import io.cairn.tsdb.db.Db;
import io.cairn.tsdb.db.DbOptions;
import io.cairn.tsdb.head.HeadOptions;
import io.cairn.tsdb.wal.WalOptions;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cairn monitor}: storage ({@link Db}), the HTTP server, discovery and scraping, wired from
 * {@link MonitorKeys}. Start order: storage (WAL replay), scrape manager, configuration (a bad file
 * fails the start), web server, rules (a bad rule file fails the start), discovery. Reload ({@code SIGHUP}, {@code POST /-/reload}) parses
 * the file first; a refused file changes nothing.
 */
public final class MonitorServer implements Service {
  private static final Logger log = LoggerFactory.getLogger(MonitorServer.class);

  private final Config config;
  private final Path storagePath;
  private final PrometheusRegistry registry;
  private final KvDiscovery kv;
  private final Supplier<Map<String, HostPort>> builtinJobs;
  private final Object reloadLock = new Object();
  private volatile Db db;
  private volatile ScrapeManager scrapes;
  private volatile DiscoveryManager discovery;
  private volatile Targets targets;
  private volatile MonitorWeb web;
  private volatile MonitorStatus status;
  private volatile RuleManager rules;
  private volatile Alerting alerting;
  private volatile boolean ready;

  /**
   * @param defaultStorage where data goes when {@code --storage.tsdb.path} is empty
   * @param builtinJobs the built-in configuration's scrape jobs, job name to target (read at start and
   *     reload): job {@code cairn} is where this process serves its metrics
   */
  public MonitorServer(Config config, Path defaultStorage, PrometheusRegistry registry,
      Supplier<Map<String, HostPort>> builtinJobs) {
    this.builtinJobs = builtinJobs;
    this.config = config;
    String p = config.get(MonitorKeys.STORAGE_PATH);
    this.storagePath = p.isEmpty() ? defaultStorage : Path.of(p);
    this.registry = registry;
    this.kv = KvDiscoverer::new;
  }

  @Override
  public String name() {
    return "monitor";
  }

  @Override
  public void start() throws Exception {
    PromConfig initial = loadConfig();
    var initialJobs = Targets.jobs(initial); // fails before opening anything if a secret file is unreadable
    var initialAlerting = Alerting.prepare(initial);
    TsdbMetrics metrics = new TsdbMetrics(registry);
    HeadOptions head = HeadOptions.defaults()
        .withChunkRange(config.get(MonitorKeys.MIN_BLOCK_DURATION).toMillis())
        .withOutOfOrderWindow(config.get(MonitorKeys.OUT_OF_ORDER_WINDOW).toMillis())
        .withMaxSeries((int) (long) config.get(MonitorKeys.MAX_SERIES))
        .withWal(WalOptions.defaults().withListener(metrics.walListener()));
    long retention = config.get(MonitorKeys.RETENTION_TIME).toMillis();
    DbOptions options = DbOptions.defaults().withHead(head)
        .withRetention(retention == 0 ? DbOptions.DEFAULT_RETENTION_MS : retention, config.get(MonitorKeys.RETENTION_SIZE));
    try {
      db = Db.open(storagePath, options);
      metrics.register(registry, () -> db);
      db.startMaintenance();
      scrapes = new ScrapeManager(db, registry, 0, MonitorKeys.timestampAlignment(config));
      targets = new Targets(scrapes);
      status = new MonitorStatus(scrapes, () -> db, PromFlags.of(config, storagePath), PromFlags.storageRetention(config));
      status.loaded(initial, configDir());
      alerting = new Alerting((int) (long) config.get(MonitorKeys.NOTIFICATION_QUEUE_CAPACITY), registry);
      alerting.apply(initialAlerting);
      status.alertmanagers(alerting::alertmanagers);
      Engine engine = new Engine(MonitorKeys.engineOptions(config));
      web = new MonitorWeb(config.get(MonitorKeys.LISTEN_ADDRESS), new MonitorWeb.Wiring(
          db, db, registry, this::reload, () -> ready, config.get(MonitorKeys.ENABLE_LIFECYCLE),
          config.get(MonitorKeys.ENABLE_REMOTE_WRITE_RECEIVER), System::currentTimeMillis,
          config.get(MonitorKeys.ENABLE_ADMIN_API) ? this::snapshot : null, status, engine));
      web.start();
      Notifier notifier = alerting.notifier();
      rules = new RuleManager(engine, db, db, registry, (expr, alerts) -> notifier.send(alerts), MonitorKeys.ruleSettings(config));
      status.rules(rules);
      updateRules(initial);
      discovery = new DiscoveryManager(DiscoveryManager.DEFAULT_UPDATE_INTERVAL, targets);
      apply(initialJobs);
      Reloads.onSighup(() -> {
        try {
          reload();
        } catch (Exception e) {
          log.error("reloading the configuration on SIGHUP failed; the previous one keeps running: {}", e.getMessage());
        }
      });
      ready = true;
    } catch (Exception e) {
      stop();
      throw e;
    }
  }

  /** Loads the configuration's rule files; throws (changing nothing) if one is refused. */
  private void updateRules(PromConfig c) throws ConfigException {
    try {
      rules.update(c.ruleFiles(), c.global().evaluationInterval().millis(), c.global().externalLabels(), externalUrl());
    } catch (RuleFileException e) {
      throw new ConfigException("error loading rules, previous rule set restored:\n" + e.getMessage(), e);
    }
  }

  /** {@code --web.external-url} without a trailing slash; empty: {@code http://<hostname>:<port>}, as Prometheus. */
  private String externalUrl() {
    String u = config.get(MonitorKeys.EXTERNAL_URL);
    if (u.isEmpty()) {
      u = "http://" + Hostname.get() + ":" + web.port();
    }
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  private PromConfig loadConfig() throws ConfigException {
    String file = config.get(MonitorKeys.CONFIG_FILE);
    if (file.isEmpty()) {
      return PromConfig.parse(BuiltinConfig.yaml(builtinJobs.get()), Path.of("."));
    }
    return PromConfig.load(Path.of(file));
  }

  /** The config file's directory, or null for the built-in configuration. */
  private Path configDir() {
    String file = config.get(MonitorKeys.CONFIG_FILE);
    return file.isEmpty() ? null : Path.of(file).toAbsolutePath().getParent();
  }

  /** Reads the configuration file again and applies it; throws (changing nothing) if it is refused. */
  public void reload() throws ConfigException {
    synchronized (reloadLock) {
      PromConfig loaded;
      Map<String, Targets.Job> jobs;
      Alerting.Prepared alertingConfig;
      try {
        loaded = loadConfig();
        jobs = Targets.jobs(loaded);
        alertingConfig = Alerting.prepare(loaded);
        updateRules(loaded);
      } catch (ConfigException | RuntimeException e) {
        MonitorStatus s = status;
        if (s != null) {
          s.reloadFailed();
        }
        throw e;
      }
      apply(jobs);
      alerting.apply(alertingConfig);
      MonitorStatus s = status;
      if (s != null) {
        s.loaded(loaded, configDir());
      }
      log.info("configuration reloaded: {} scrape jobs", jobs.size());
    }
  }

  /**
   * Prometheus's snapshot: {@code <storage>/snapshots/<UTC yyyyMMdd'T'HHmmss'Z'>-<16 hex digits>},
   * the blocks hard-linked and (unless skipped) the head written as a block.
   */
  private String snapshot(boolean skipHead) throws IOException {
    String name = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .format(ZonedDateTime.now(ZoneOffset.UTC))
        + "-" + String.format("%016x", ThreadLocalRandom.current().nextLong());
    db.snapshot(storagePath.resolve("snapshots").resolve(name), !skipHead);
    return name;
  }

  private void apply(Map<String, Targets.Job> jobs) {
    targets.use(jobs);
    discovery.apply(Targets.discoverers(jobs, kv));
    targets.accept(discovery.snapshot()); // settings may have changed while groups did not
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  /** The web server's port, or -1 before start. */
  public int port() {
    MonitorWeb w = web;
    return w == null ? -1 : w.port();
  }

  /**
   * Where alerts go: the rules manager hands each evaluation's alerts to {@link
   * io.cairn.monitor.notifier.Notifier#send}. Null before start.
   */
  public io.cairn.monitor.notifier.Notifier notifier() {
    Alerting a = alerting;
    return a == null ? null : a.notifier();
  }

  public Db db() {
    return db;
  }

  @Override
  public List<Endpoint> endpoints() {
    MonitorWeb w = web;
    if (w == null) {
      return List.of();
    }
    return List.of(new Endpoint(name(), w.url(),
        "/api/v1/write /write /api/v2/write /api/v1/query /api/v1/series /api/v1/export /api/v1/targets /api/v1/rules /api/v1/alerts /api/v1/status/* /metrics"));
  }

  @Override
  public void stop() {
    ready = false;
    if (rules != null) {
      rules.close(); // before the notifier, which sends what the last evaluations queued
    }
    try {
      if (discovery != null) {
        discovery.close();
      }
      if (alerting != null) {
        alerting.close(); // sends what is queued for at most 5 s
      }
      if (scrapes != null) {
        scrapes.close(); // writes stale markers while the storage is still open
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (web != null) {
      web.stop();
    }
    try {
      if (db != null) {
        db.close();
      }
    } catch (Exception e) {
      log.error("closing the monitor's storage failed", e);
    }
    db = null;
  }
}
