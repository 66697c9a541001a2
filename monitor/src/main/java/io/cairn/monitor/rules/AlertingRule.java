package io.cairn.monitor.rules;

import io.cairn.monitor.template.AlertTemplates;
import io.cairn.promql.engine.Sample;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.Printer;
import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An alerting rule, as Prometheus 2.42's {@code AlertingRule}: every sample of the expression is an
 * alert (labels: the sample's without {@code __name__}, plus the rule's expanded labels and {@code
 * alertname}); a new alert is pending, fires once it has been active for {@code for}, and when its
 * sample disappears it is resolved (a pending one is dropped), unless {@code keep_firing_for} keeps
 * a firing one firing that long. Resolved alerts are kept {@link #RESOLVED_RETENTION_MILLIS} for
 * sending. Once restored ({@link #setRestored}) each evaluation writes {@code ALERTS} and {@code
 * ALERTS_FOR_STATE} samples. Thread-safe: evaluation runs on the group's thread, readers take
 * copies.
 */
final class AlertingRule implements Rule {
  static final long RESOLVED_RETENTION_MILLIS = 15 * 60 * 1000;
  static final String ALERTS = "ALERTS";
  static final String ALERTS_FOR_STATE = "ALERTS_FOR_STATE";

  private final String name;
  private final Expr expr;
  private final long holdMillis;
  private final long keepFiringForMillis;
  private final Labels labels;
  private final Map<String, String> annotations;
  private final Map<String, String> externalLabels;
  private final String externalUrl;
  private final RuleStatus status = new RuleStatus();
  private final Map<Labels, ActiveAlert> active = new LinkedHashMap<>();
  private boolean restored;

  AlertingRule(String name, Expr expr, long holdMillis, long keepFiringForMillis, Labels labels, Map<String, String> annotations,
      Map<String, String> externalLabels, String externalUrl, boolean restored) {
    this.name = name;
    this.expr = expr;
    this.holdMillis = holdMillis;
    this.keepFiringForMillis = keepFiringForMillis;
    this.labels = labels;
    this.annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
    this.externalLabels = Map.copyOf(externalLabels);
    this.externalUrl = externalUrl;
    this.restored = restored;
  }

  @Override public String name() { return name; }
  @Override public Expr expr() { return expr; }
  @Override public String query() { return Printer.toString(expr); }
  @Override public Labels labels() { return labels; }
  @Override public RuleStatus status() { return status; }
  long holdMillis() { return holdMillis; }
  long keepFiringForMillis() { return keepFiringForMillis; }
  /** As written, sorted by name; an empty value is kept (Prometheus's annotations are not label sets). */
  Map<String, String> annotations() { return annotations; }

  synchronized void setRestored(boolean restored) {
    this.restored = restored;
  }

  @Override
  public List<Sample> eval(long ts, QueryFunc query, int limit) throws RuleEvalException {
    List<Sample> res = query.query(expr, ts);
    Map<Labels, ActiveAlert> alerts = new HashMap<>();
    for (Sample smpl : res) {
      Map<String, String> l = new HashMap<>();
      smpl.labels().forEach(x -> l.put(x.name(), x.value()));
      AlertTemplates.Context ctx = new AlertTemplates.Context(l, externalLabels, externalUrl, smpl.v(), ts,
          (q, t) -> TemplateQuery.run(query, q, t));
      Labels.Builder lb = smpl.labels().toBuilder().remove(Labels.METRIC_NAME);
      for (Label x : labels) {
        lb.set(x.name(), Templates.expand(name, x.value(), ctx));
      }
      lb.set("alertname", name);
      java.util.SortedMap<String, String> ab = new TreeMap<>();
      annotations.forEach((k, v) -> ab.put(k, Templates.expand(name, v, ctx)));
      Labels lbs = lb.build();
      if (alerts.containsKey(lbs)) {
        throw new RuleEvalException("vector contains metrics with the same labelset after applying alert labels");
      }
      alerts.put(lbs, new ActiveAlert(lbs, Collections.unmodifiableSortedMap(ab), AlertState.PENDING, smpl.v(), ts));
    }
    synchronized (this) {
      return update(alerts, ts, limit);
    }
  }

  private List<Sample> update(Map<Labels, ActiveAlert> alerts, long ts, int limit) throws RuleEvalException {
    for (ActiveAlert a : alerts.values()) {
      ActiveAlert old = active.get(a.labels);
      if (old != null && old.state != AlertState.INACTIVE) {
        old.value = a.value;
        old.annotations = a.annotations;
      } else {
        active.put(a.labels, a);
      }
    }
    List<Sample> vec = new ArrayList<>();
    int numActivePending = 0;
    for (Iterator<ActiveAlert> it = active.values().iterator(); it.hasNext(); ) {
      ActiveAlert a = it.next();
      if (!alerts.containsKey(a.labels)) {
        boolean keepFiring = false;
        if (a.state == AlertState.FIRING && keepFiringForMillis > 0) {
          if (a.keepFiringSince == ActiveAlert.NONE) {
            a.keepFiringSince = ts;
          }
          keepFiring = ts - a.keepFiringSince < keepFiringForMillis;
        }
        if (a.state == AlertState.PENDING
            || (a.resolvedAt != ActiveAlert.NONE && ts - a.resolvedAt > RESOLVED_RETENTION_MILLIS)) {
          it.remove();
        }
        if (a.state != AlertState.INACTIVE && !keepFiring) {
          a.state = AlertState.INACTIVE;
          a.resolvedAt = ts;
        }
        if (!keepFiring) {
          continue;
        }
      } else {
        a.keepFiringSince = ActiveAlert.NONE;
      }
      numActivePending++;
      if (a.state == AlertState.PENDING && ts - a.activeAt >= holdMillis) {
        a.state = AlertState.FIRING;
        a.firedAt = ts;
      }
      if (restored) {
        vec.add(new Sample(seriesLabels(a, ALERTS).toBuilder().set("alertstate", a.state.text()).build(), ts, 1));
        vec.add(new Sample(seriesLabels(a, ALERTS_FOR_STATE), ts, Math.floorDiv(a.activeAt, 1000L)));
      }
    }
    if (limit > 0 && numActivePending > limit) {
      active.clear();
      throw new RuleEvalException("exceeded limit of " + limit + " with " + numActivePending + " alerts");
    }
    return vec;
  }

  /** The rule's labels overridden by the alert's, then {@code __name__} and {@code alertname}. */
  Labels seriesLabels(ActiveAlert a, String metric) {
    Labels.Builder b = labels.toBuilder();
    a.labels.forEach(l -> b.set(l.name(), l.value()));
    return b.set(Labels.METRIC_NAME, metric).set("alertname", name).build();
  }

  /** The highest state of the alerts: firing, pending, or inactive. */
  synchronized AlertState state() {
    AlertState max = AlertState.INACTIVE;
    for (ActiveAlert a : active.values()) {
      if (a.state.compareTo(max) > 0) {
        max = a.state;
      }
    }
    return max;
  }

  /** Copies of the alerts that are pending or firing, as Prometheus's {@code ActiveAlerts}. */
  synchronized List<ActiveAlert> activeAlerts() {
    return active.values().stream().filter(a -> a.state != AlertState.INACTIVE).map(ActiveAlert::copy).toList();
  }

  /** Runs {@code f} on every alert (resolved ones included) under the rule's lock. */
  synchronized void forEachAlert(Consumer<ActiveAlert> f) {
    active.values().forEach(f);
  }

  /** Takes over the alerts of the same rule of a group being replaced (Prometheus's {@code CopyState}). */
  synchronized void takeAlerts(AlertingRule from) {
    synchronized (from) {
      active.putAll(from.active);
    }
  }
}
