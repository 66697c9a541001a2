package io.cairn.monitor.server;

import io.cairn.monitor.config.AlertmanagerConfig;
import io.cairn.monitor.config.ConfigException;
import io.cairn.monitor.config.FileSdConfig;
import io.cairn.monitor.config.HttpSdConfig;
import io.cairn.monitor.config.PromConfig;
import io.cairn.monitor.discovery.Discoverer;
import io.cairn.monitor.discovery.DiscoveryManager;
import io.cairn.monitor.discovery.FileDiscoverer;
import io.cairn.monitor.discovery.HttpDiscoverer;
import io.cairn.monitor.discovery.StaticDiscoverer;
import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.notifier.Alert;
import io.cairn.monitor.notifier.Notifier;
import io.cairn.monitor.notifier.NotifierSettings;
import io.cairn.monitor.notifier.SetSettings;
import io.cairn.monitor.scrape.HttpClients;
import io.cairn.monitor.web.StatusSource;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The glue between the {@code alerting} section and the {@link Notifier}: the notifier itself,
 * and a discovery manager of its own for the Alertmanager sets ({@code config-0}, ...), as
 * Prometheus's separate "notify" discovery manager. {@link #prepare} reads what can fail (secret
 * files) before a (re)load changes anything. Thread-safe as its parts.
 */
final class Alerting implements AutoCloseable {
  /** One configuration, ready to apply. */
  record Prepared(NotifierSettings settings, Map<String, List<Discoverer>> discoverers) {}

  private final Notifier notifier;
  private final DiscoveryManager discovery;

  Alerting(int queueCapacity, PrometheusRegistry registry) {
    this.notifier = new Notifier(queueCapacity, registry);
    this.discovery = new DiscoveryManager(DiscoveryManager.DEFAULT_UPDATE_INTERVAL, notifier::sync);
  }

  /**
   * The notifier settings and discoverers of a configuration.
   *
   * @throws ConfigException if a password or credentials file cannot be read
   */
  static Prepared prepare(PromConfig config) throws ConfigException {
    List<SetSettings> sets = new ArrayList<>();
    Map<String, List<Discoverer>> discoverers = new LinkedHashMap<>();
    List<AlertmanagerConfig> ams = config.alerting().alertmanagers();
    for (int i = 0; i < ams.size(); i++) {
      AlertmanagerConfig am = ams.get(i);
      String name = "config-" + i;
      Duration timeout = am.timeout().isZero() ? AlertmanagerConfig.DEFAULT_TIMEOUT.toDuration() : am.timeout().toDuration();
      SetSettings set = new SetSettings(name, am.scheme(), am.pathPrefix(), am.apiVersion(), timeout,
          JobSettings.http("alertmanagers " + name, am.http()), am.relabelConfigs());
      try {
        HttpClients.build(set.http()).shutdown(); // TLS files are checked now, not when applied
      } catch (IllegalArgumentException e) {
        throw new ConfigException("alertmanagers " + name + ": " + e.getMessage());
      }
      sets.add(set);
      discoverers.put(name, discoverers(am));
    }
    NotifierSettings settings = new NotifierSettings(config.global().externalLabels(),
        config.alerting().alertRelabelConfigs(), sets);
    return new Prepared(settings, discoverers);
  }

  private static List<Discoverer> discoverers(AlertmanagerConfig am) {
    List<Discoverer> ds = new ArrayList<>();
    if (!am.staticConfigs().isEmpty()) {
      List<TargetGroup> groups = new ArrayList<>();
      for (int i = 0; i < am.staticConfigs().size(); i++) {
        var g = am.staticConfigs().get(i);
        groups.add(TargetGroup.of(Integer.toString(i), g.targets(), g.labels()));
      }
      ds.add(new StaticDiscoverer(groups));
    }
    for (FileSdConfig f : am.fileSdConfigs()) {
      ds.add(new FileDiscoverer(f.files(), f.refreshInterval().toDuration()));
    }
    for (HttpSdConfig h : am.httpSdConfigs()) {
      ds.add(new HttpDiscoverer(URI.create(h.url()), h.refreshInterval().toDuration(), Duration.ofSeconds(30)));
    }
    return ds;
  }

  /** Applies a prepared configuration; queued alerts are kept. */
  void apply(Prepared p) {
    notifier.apply(p.settings());
    discovery.apply(p.discoverers());
    notifier.sync(discovery.snapshot()); // groups kept over the reload resolve with the new settings
  }

  /** What the rules manager calls with the alerts of one evaluation (Prometheus's sendAlerts). */
  void send(List<Alert> alerts) {
    notifier.send(alerts);
  }

  Notifier notifier() {
    return notifier;
  }

  StatusSource.Alertmanagers alertmanagers() {
    Notifier.Alertmanagers a = notifier.alertmanagers();
    return new StatusSource.Alertmanagers(a.active(), a.dropped());
  }

  /** Stops discovery, then the notifier (which drains its queue for at most 5 s). */
  @Override
  public void close() throws InterruptedException {
    discovery.close();
    notifier.close();
  }
}
