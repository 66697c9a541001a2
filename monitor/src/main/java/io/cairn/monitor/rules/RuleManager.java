package io.cairn.monitor.rules;

import io.cairn.promql.engine.Engine;
import io.cairn.promql.parser.ParseException;
import io.cairn.promql.parser.Parser;
import io.cairn.promql.storage.TsdbQueryable;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus 2.42's rule manager: loads the rule files, runs every group on its own virtual thread
 * ({@link GroupRunner}), and on {@link #update} (reload) keeps unchanged groups running, replaces
 * changed ones carrying their state over (same file and name), and stops removed ones, whose
 * series are marked stale two intervals later. The first load restores alerts' {@code for} state
 * from storage. Thread-safe.
 */
public final class RuleManager implements AutoCloseable {
  /**
   * The rule flags.
   *
   * @param resendDelayMillis {@code --rules.alert.resend-delay} (Prometheus: 1m)
   * @param outageToleranceMillis {@code --rules.alert.for-outage-tolerance} (1h)
   * @param gracePeriodMillis {@code --rules.alert.for-grace-period} (10m)
   */
  public record Settings(long resendDelayMillis, long outageToleranceMillis, long gracePeriodMillis) {
    public static final Settings DEFAULTS = new Settings(60_000, 3_600_000, 600_000);
  }

  private final Engine engine;
  private final ChunkQuerier querier;
  private final Appendable storage;
  private final AlertSender sender;
  private final Settings settings;
  private final RuleMetrics metrics;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<String, GroupRunner> groups = new LinkedHashMap<>();
  private boolean restored;

  public RuleManager(Engine engine, ChunkQuerier querier, Appendable storage, PrometheusRegistry registry,
      AlertSender sender, Settings settings) {
    this.engine = engine;
    this.querier = querier;
    this.storage = storage;
    this.sender = sender;
    this.settings = settings;
    this.metrics = new RuleMetrics(registry);
  }

  /**
   * Loads the rule files and applies them; on any error nothing changes.
   *
   * @param ruleFiles file names or globs, already resolved against the configuration's directory
   * @param defaultIntervalMillis the global {@code evaluation_interval}, for groups without one
   * @param externalUrl {@code --web.external-url} without a trailing slash
   * @throws RuleFileException with every error of every file, as Prometheus logs them
   */
  public synchronized void update(List<String> ruleFiles, long defaultIntervalMillis, Map<String, String> externalLabels,
      String externalUrl) throws RuleFileException {
    if (closed.getCount() == 0) {
      throw new IllegalStateException("the rule manager is closed");
    }
    List<RuleFiles.Loaded> loaded = RuleFiles.load(ruleFiles);
    GroupOptions opts = new GroupOptions(storage, querier, QueryFunc.of(engine, new TsdbQueryable(querier)), sender,
        settings.resendDelayMillis(), settings.outageToleranceMillis(), settings.gracePeriodMillis(), externalUrl, metrics);
    Map<String, GroupRunner> next = new LinkedHashMap<>();
    for (RuleFiles.Loaded file : loaded) {
      for (GroupSpec spec : file.groups()) {
        long interval = spec.intervalMillis() == 0 ? defaultIntervalMillis : spec.intervalMillis();
        Group g = new Group(spec, file.file(), interval, rules(spec, externalLabels, externalUrl), opts);
        GroupRunner old = groups.remove(g.key());
        if (old != null && GroupDefinitions.equal(old.group, g)) {
          next.put(g.key(), old);
          continue;
        }
        if (old != null) {
          old.stop();
          g.copyState(old.group);
        } else {
          metrics.addGroup(g.key(), interval / 1e3, g.rules.size());
        }
        metrics.groupInterval.labelValues(g.key()).set(interval / 1e3);
        metrics.groupRules.labelValues(g.key()).set(g.rules.size());
        GroupRunner r = new GroupRunner(g, !restored);
        next.put(g.key(), r);
        r.start();
      }
    }
    for (GroupRunner removed : groups.values()) {
      removed.stop();
      metrics.removeGroup(removed.group.key());
      markStaleLater(removed.group);
    }
    groups.clear();
    groups.putAll(next);
    restored = true;
  }

  private List<Rule> rules(GroupSpec spec, Map<String, String> externalLabels, String externalUrl) {
    List<Rule> out = new ArrayList<>();
    for (RuleSpec r : spec.rules()) {
      io.cairn.promql.parser.Expr expr;
      try {
        expr = Parser.parse(r.expr());
      } catch (ParseException e) {
        throw new IllegalStateException("a validated expression does not parse: " + e.getMessage(), e);
      }
      Labels labels = Labels.from(r.labels());
      if (r.isAlert()) {
        out.add(new AlertingRule(r.alert(), expr, r.forMillis(), r.keepFiringForMillis(), labels,
            r.annotations(), externalLabels, externalUrl, restored));
      } else {
        out.add(new RecordingRule(r.record(), expr, labels, new RuleStatus()));
      }
    }
    return out;
  }

  /**
   * Stale markers for a removed group's series after two of its intervals, unless the manager closes
   * first. As Prometheus, they are stamped with the time the group stopped: a renamed rule that
   * wrote the same series meanwhile has newer samples, so the markers are refused as out of order.
   */
  private void markStaleLater(Group g) {
    long stoppedAt = System.currentTimeMillis();
    List<Labels> series = g.allPreviousSeries();
    if (series.isEmpty()) {
      return;
    }
    Thread.ofVirtual().name("rules-stale-" + g.name()).start(() -> {
      try {
        if (closed.await(2 * g.intervalMillis, TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
      g.staleSeries.addAll(series);
      g.cleanupStaleSeries(stoppedAt);
    });
  }

  /** The groups sorted by file, then name, as Prometheus's {@code RuleGroups}. */
  public synchronized List<RuleGroupInfo> groups() {
    return groups.values().stream().map(r -> r.group)
        .sorted(Comparator.comparing((Group g) -> g.file).thenComparing(Group::name))
        .map(Snapshots::group).toList();
  }

  /** Every pending or firing alert of every alerting rule, group by group. */
  public List<AlertInfo> alerts() {
    List<AlertInfo> out = new ArrayList<>();
    for (RuleGroupInfo g : groups()) {
      for (RuleInfo r : g.rules()) {
        if (r instanceof RuleInfo.Alerting a) {
          out.addAll(a.alerts());
        }
      }
    }
    return out;
  }

  /** Stops every group (waiting for evaluations in progress); series are not marked stale. */
  @Override
  public synchronized void close() {
    closed.countDown();
    groups.values().forEach(GroupRunner::stop);
    groups.clear();
  }
}
