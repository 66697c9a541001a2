package io.cairn.monitor.rules;

import io.cairn.promql.engine.Sample;
import io.cairn.promql.parser.Expr;
import io.cairn.tsdb.model.Labels;
import java.util.List;

/**
 * A recording or an alerting rule of a group. Evaluated by the group's thread only; the status and
 * the alerts are also read by the API (their own locking).
 */
sealed interface Rule permits RecordingRule, AlertingRule {
  String name();

  Expr expr();

  /** The expression as Prometheus prints it ({@code rule.Query().String()}). */
  String query();

  /** The rule's labels as written (templates unexpanded for alerts), sorted. */
  Labels labels();

  RuleStatus status();

  /**
   * Evaluates the rule at {@code tMillis}: the samples to append.
   *
   * @param limit the group's limit (series or alerts); 0 none
   */
  List<Sample> eval(long tMillis, QueryFunc query, int limit) throws RuleEvalException;

  /** Prometheus's key for carrying state over a reload: name and labels. */
  default String nameAndLabels() {
    return name() + labels();
  }
}
