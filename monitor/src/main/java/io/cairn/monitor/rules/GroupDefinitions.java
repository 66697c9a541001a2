package io.cairn.monitor.rules;

import java.util.List;

/**
 * Prometheus's {@code Group.Equals}: same name, file, interval, limit and rules as written
 * (positions in the file do not matter). An equal group keeps running untouched on reload.
 */
final class GroupDefinitions {
  private GroupDefinitions() {}

  static boolean equal(Group a, Group b) {
    return a.name().equals(b.name()) && a.file.equals(b.file) && a.intervalMillis == b.intervalMillis
        && a.limit() == b.limit() && rules(a.spec).equals(rules(b.spec));
  }

  private static List<RuleSpec> rules(GroupSpec g) {
    return g.rules().stream().map(r -> new RuleSpec(r.record(), RuleSpec.Pos.NONE, r.alert(), RuleSpec.Pos.NONE,
        r.expr(), RuleSpec.Pos.NONE, r.forMillis(), r.keepFiringForMillis(), r.labels(), r.annotations())).toList();
  }
}
