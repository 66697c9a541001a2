package io.cairn.monitor.rules;

import io.cairn.tsdb.model.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the API snapshots ({@link RuleGroupInfo}, {@link RuleInfo}, {@link AlertInfo}) from live groups. */
final class Snapshots {
  private Snapshots() {}

  static RuleGroupInfo group(Group g) {
    List<RuleInfo> rules = new ArrayList<>();
    for (Rule r : g.rules) {
      rules.add(rule(r));
    }
    return new RuleGroupInfo(g.name(), g.file, g.intervalMillis / 1e3, g.limit(), g.evaluationNanos() / 1e9,
        instant(g.lastEvaluationMillis()), List.copyOf(rules));
  }

  static RuleInfo rule(Rule r) {
    RuleStatus s = r.status();
    double secs = s.durationNanos() / 1e9;
    Instant last = instant(s.lastEvaluationMillis());
    return switch (r) {
      case RecordingRule rr -> new RuleInfo.Recording(rr.name(), rr.query(), map(rr.labels()), s.health(), s.lastError(),
          secs, last);
      case AlertingRule ar -> new RuleInfo.Alerting(ar.state(), ar.name(), ar.query(), ar.holdMillis() / 1e3,
          ar.keepFiringForMillis() / 1e3, map(ar.labels()), ar.annotations(), alerts(ar), s.health(),
          s.lastError(), secs, last);
    };
  }

  static List<AlertInfo> alerts(AlertingRule ar) {
    return ar.activeAlerts().stream()
        .map(a -> new AlertInfo(map(a.labels), a.annotations, a.state, Instant.ofEpochMilli(a.activeAt), a.value))
        .toList();
  }

  static Map<String, String> map(Labels labels) {
    Map<String, String> m = new TreeMap<>();
    labels.forEach(l -> m.put(l.name(), l.value()));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Instant instant(long ms) {
    return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms);
  }
}
