package io.cairn.monitor.server;

import io.cairn.monitor.config.ConfigYaml;
import io.cairn.monitor.config.PromConfig;
import io.cairn.monitor.scrape.ActiveTarget;
import io.cairn.monitor.scrape.DroppedTarget;
import io.cairn.monitor.scrape.ScrapeManager;
import io.cairn.monitor.web.StatusSource;
import io.cairn.tsdb.db.Db;
import io.cairn.tsdb.head.Head;
import io.cairn.tsdb.model.Labels;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import io.cairn.monitor.rules.RuleGroupInfo;
import io.cairn.monitor.rules.RuleManager;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The monitor's answers to the targets and status endpoints. The server records each
 * configuration (re)load with {@link #loaded} or {@link #reloadFailed}. Thread-safe.
 */
final class MonitorStatus implements StatusSource {
  private final Instant startTime = Instant.now();
  private final ScrapeManager scrapes;
  private final Supplier<Db> db;
  private final Map<String, String> flags;
  private final String storageRetention;
  private volatile String configYaml = "";
  private volatile Instant lastConfigTime = Instant.EPOCH;
  private volatile boolean reloadSuccess = true;
  private volatile RuleManager rules;
  private volatile Supplier<Alertmanagers> alertmanagers = () -> new Alertmanagers(List.of(), List.of());

  MonitorStatus(ScrapeManager scrapes, Supplier<Db> db, Map<String, String> flags, String storageRetention) {
    this.scrapes = scrapes;
    this.db = db;
    this.flags = Map.copyOf(flags);
    this.storageRetention = storageRetention;
  }

  /** A configuration was loaded; {@code dir} is its file's directory (null for the built-in one). */
  void loaded(PromConfig config, Path dir) {
    configYaml = ConfigYaml.render(config, dir);
    lastConfigTime = Instant.now();
    reloadSuccess = true;
  }

  /** The rule manager whose groups the rules and alerts endpoints show; null: none. */
  void rules(RuleManager rules) {
    this.rules = rules;
  }

  @Override
  public List<RuleGroupInfo> ruleGroups() {
    RuleManager r = rules;
    return r == null ? List.of() : r.groups();
  }

  /** Where {@code /api/v1/alertmanagers} gets its answer (the notifier). */
  void alertmanagers(Supplier<Alertmanagers> source) {
    alertmanagers = source;
  }

  @Override
  public Alertmanagers alertmanagers() {
    return alertmanagers.get();
  }

  void reloadFailed() {
    reloadSuccess = false;
  }

  @Override
  public Map<String, List<ActiveTarget>> activeTargets() {
    return scrapes.activeTargets();
  }

  @Override
  public Map<String, List<DroppedTarget>> droppedTargets() {
    return scrapes.droppedTargets();
  }

  @Override
  public String configYaml() {
    return configYaml;
  }

  @Override
  public Map<String, String> flags() {
    return flags;
  }

  @Override
  public RuntimeInfo runtimeInfo() {
    Db d = db.get();
    long corruptions = d == null ? 0 : d.head().stats().walCorruptions();
    return new RuntimeInfo(startTime, System.getProperty("user.dir"), reloadSuccess, lastConfigTime, corruptions,
        storageRetention);
  }

  @Override
  public TsdbStatus tsdbStatus() {
    Head h = db.get().head();
    return new TsdbStatus(h.numSeries(), h.numChunks(), h.minTime(), h.maxTime(), h.postingsStats(Labels.METRIC_NAME));
  }
}
