package io.cairn.monitor.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one rule for the HTTP API ({@code /api/v1/rules}). Label and annotation maps are
 * sorted by name; {@code lastEvaluation} is null before the first evaluation; {@code lastError} is
 * empty when the last evaluation succeeded.
 */
public sealed interface RuleInfo {
  String name();

  /** A recording rule. */
  record Recording(String name, String query, Map<String, String> labels, RuleHealth health, String lastError,
      double evaluationSeconds, Instant lastEvaluation) implements RuleInfo {}

  /**
   * An alerting rule; {@code state} is the highest state of its alerts; {@code labels} and {@code
   * annotations} are the templates as written; {@code alerts} the pending and firing ones.
   */
  record Alerting(AlertState state, String name, String query, double durationSeconds, double keepFiringForSeconds,
      Map<String, String> labels, Map<String, String> annotations, List<AlertInfo> alerts, RuleHealth health,
      String lastError, double evaluationSeconds, Instant lastEvaluation) implements RuleInfo {}
}
