package io.cairn.monitor.rules;

import io.cairn.monitor.notifier.Alert;
import io.cairn.promql.engine.Sample;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule group and one evaluation of it, as Prometheus's {@code Group.Eval}: each rule in order is
 * evaluated at the same timestamp; its samples are appended and committed (one appender per rule);
 * series the rule returned at its previous evaluation but not now get a stale marker; alerts due
 * are handed to the sender. A failing rule is marked {@code err} and the next one runs. Samples the
 * storage refuses as out of order, too old or duplicate are skipped (the rule is marked {@code
 * err}). Evaluation runs on one thread at a time ({@link GroupRunner}); the status getters are
 * thread-safe.
 */
final class Group {
  private static final Logger log = LoggerFactory.getLogger(Group.class);
  static final double STALE_NAN = Double.longBitsToDouble(io.cairn.tsdb.model.Sample.STALE_NAN_BITS);

  final GroupSpec spec;
  final String file;
  final long intervalMillis;
  final List<Rule> rules;
  final GroupOptions opts;
  final List<Set<Labels>> seriesInPreviousEval;
  final List<Labels> staleSeries = new ArrayList<>();
  private long evaluationNanos;
  private long lastEvaluationMillis = Long.MIN_VALUE;

  Group(GroupSpec spec, String file, long intervalMillis, List<Rule> rules, GroupOptions opts) {
    this.spec = spec;
    this.file = file;
    this.intervalMillis = intervalMillis;
    this.rules = List.copyOf(rules);
    this.opts = opts;
    this.seriesInPreviousEval = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      seriesInPreviousEval.add(Set.of());
    }
  }

  String name() {
    return spec.name();
  }

  int limit() {
    return spec.limit();
  }

  /** Prometheus's group key and metric label: {@code <file>;<name>}. */
  String key() {
    return file + ";" + spec.name();
  }

  synchronized void evaluated(long startMillis, long nanos) {
    lastEvaluationMillis = startMillis;
    evaluationNanos = nanos;
  }

  synchronized long evaluationNanos() {
    return evaluationNanos;
  }

  /** Wall-clock start of the last evaluation, or {@link Long#MIN_VALUE} before the first. */
  synchronized long lastEvaluationMillis() {
    return lastEvaluationMillis;
  }

  /** Evaluates every rule at {@code ts} (Unix ms); {@code stopped} is checked between rules. */
  void eval(long ts, java.util.function.BooleanSupplier stopped) {
    RuleMetrics m = opts.metrics();
    double samplesTotal = 0;
    for (int i = 0; i < rules.size(); i++) {
      if (stopped.getAsBoolean()) {
        return;
      }
      Rule rule = rules.get(i);
      long startMillis = System.currentTimeMillis();
      long t0 = System.nanoTime();
      if (m != null) {
        m.evalTotal.labelValues(key()).inc();
      }
      try {
        List<Sample> vector = rule.eval(ts, opts.query(), limit());
        rule.status().ok();
        samplesTotal += vector.size();
        if (rule instanceof AlertingRule ar) {
          List<Alert> due = AlertNotifications.due(ar, ts, opts.resendDelayMillis(), intervalMillis, opts.externalUrl());
          if (!due.isEmpty()) {
            opts.sender().send(ar.query(), due);
          }
        }
        append(i, rule, vector, ts);
      } catch (RuleEvalException e) {
        rule.status().failed(e.getMessage());
        if (m != null) {
          m.evalFailures.labelValues(key()).inc();
        }
        log.warn("evaluating rule {} (index {}) of group {} failed: {}", rule.name(), i, key(), e.getMessage());
      }
      long nanos = System.nanoTime() - t0;
      rule.status().evaluated(startMillis, nanos);
      if (m != null) {
        m.evalDuration.observe(nanos / 1e9);
      }
    }
    if (m != null) {
      m.groupSamples.labelValues(key()).set(samplesTotal);
    }
    cleanupStaleSeries(ts);
  }

  private void append(int i, Rule rule, List<Sample> vector, long ts) {
    Appender app = opts.storage().appenderWithoutFsync();
    Set<Labels> returned = new HashSet<>();
    for (Sample s : vector) {
      try {
        app.append(0, s.labels(), s.t(), s.v());
        returned.add(s.labels());
      } catch (AppendException e) {
        rule.status().failed(e.getMessage());
        switch (e.reason()) {
          case OUT_OF_ORDER, OUT_OF_BOUNDS, DUPLICATE_SAMPLE ->
              log.debug("rule {} result discarded: {} ({})", rule.name(), e.getMessage(), s.labels());
          default -> log.warn("rule {} result discarded: {} ({})", rule.name(), e.getMessage(), s.labels());
        }
      }
    }
    for (Labels lset : seriesInPreviousEval.get(i)) {
      if (!returned.contains(lset)) {
        appendStale(app, lset, ts);
      }
    }
    try {
      app.commit();
      seriesInPreviousEval.set(i, returned);
    } catch (IOException e) {
      rule.status().failed(e.getMessage());
      if (opts.metrics() != null) {
        opts.metrics().evalFailures.labelValues(key()).inc();
      }
      log.warn("appending the samples of rule {} failed: {}", rule.name(), e.getMessage());
    }
  }

  private static void appendStale(Appender app, Labels lset, long ts) {
    try {
      app.append(0, lset, ts, STALE_NAN);
    } catch (AppendException e) {
      switch (e.reason()) {
        case OUT_OF_ORDER, OUT_OF_BOUNDS, DUPLICATE_SAMPLE -> { } // expected if another rule writes the series
        default -> log.warn("adding a stale marker for {} failed: {}", lset, e.getMessage());
      }
    }
  }

  /** Stale markers for series of rules that were removed by a reload (Prometheus's {@code cleanupStaleSeries}). */
  void cleanupStaleSeries(long ts) {
    if (staleSeries.isEmpty()) {
      return;
    }
    Appender app = opts.storage().appenderWithoutFsync();
    for (Labels lset : staleSeries) {
      appendStale(app, lset, ts);
    }
    try {
      app.commit();
      staleSeries.clear();
    } catch (IOException e) {
      log.warn("stale markers for removed rules of group {} failed: {}", key(), e.getMessage());
    }
  }

  /** Every series the last evaluation returned, for marking a removed group's series stale. */
  List<Labels> allPreviousSeries() {
    List<Labels> out = new ArrayList<>();
    seriesInPreviousEval.forEach(out::addAll);
    return out;
  }

  /**
   * Takes over the state of the group this one replaces on reload (Prometheus's {@code CopyState}):
   * evaluation times, each matching rule's (same name and labels) previous series and alerts; the
   * series of old rules without a match become stale.
   */
  void copyState(Group from) {
    synchronized (from) {
      evaluated(from.lastEvaluationMillis, from.evaluationNanos);
    }
    java.util.Map<String, java.util.ArrayDeque<Integer>> ruleMap = new java.util.HashMap<>();
    for (int fi = 0; fi < from.rules.size(); fi++) {
      ruleMap.computeIfAbsent(from.rules.get(fi).nameAndLabels(), k -> new java.util.ArrayDeque<>()).add(fi);
    }
    for (int i = 0; i < rules.size(); i++) {
      java.util.ArrayDeque<Integer> indexes = ruleMap.get(rules.get(i).nameAndLabels());
      if (indexes == null || indexes.isEmpty()) {
        continue;
      }
      int fi = indexes.poll();
      seriesInPreviousEval.set(i, from.seriesInPreviousEval.get(fi));
      if (rules.get(i) instanceof AlertingRule ar && from.rules.get(fi) instanceof AlertingRule far) {
        ar.takeAlerts(far);
      }
    }
    staleSeries.addAll(from.staleSeries);
    for (int fi = 0; fi < from.rules.size(); fi++) {
      java.util.ArrayDeque<Integer> left = ruleMap.get(from.rules.get(fi).nameAndLabels());
      if (left != null && left.contains(fi)) {
        staleSeries.addAll(from.seriesInPreviousEval.get(fi));
      }
    }
  }
}
