package io.cairn.monitor.rules;

import java.util.Map;

/**
 * One rule as written in a rule file ({@code rulefmt.RuleNode}), before validation.
 *
 * @param record the recording rule's name; empty when absent
 * @param recordPos where the {@code record} value is; {@link Pos#NONE} when absent
 * @param alert the alerting rule's name; empty when absent
 * @param alertPos where the {@code alert} value is
 * @param expr the PromQL text; empty when absent
 * @param exprPos where the {@code expr} value is
 * @param forMillis {@code for}; 0 when absent
 * @param keepFiringForMillis {@code keep_firing_for}; 0 when absent
 * @param labels in file order; never null
 * @param annotations in file order; never null
 */
record RuleSpec(String record, Pos recordPos, String alert, Pos alertPos, String expr, Pos exprPos, long forMillis,
    long keepFiringForMillis, Map<String, String> labels, Map<String, String> annotations) {

  /** A 1-based line and column; {@link #NONE} ({@code 0:0}) for a field that is absent, as yaml.v3's zero node. */
  record Pos(int line, int column) {
    static final Pos NONE = new Pos(0, 0);

    static Pos of(YNode n) {
      return n == null ? NONE : new Pos(n.line(), n.column());
    }

    @Override
    public String toString() {
      return line + ":" + column;
    }
  }

  boolean isAlert() {
    return !alert.isEmpty();
  }

  /** The name the rule's errors carry: the alert's if set, else the record's. */
  String name() {
    return alert.isEmpty() ? record : alert;
  }
}
