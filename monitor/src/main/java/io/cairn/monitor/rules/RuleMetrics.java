package io.cairn.monitor.rules;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The rule manager's metrics under Prometheus 2.42's names; per-group series carry {@code
 * rule_group="<file>;<name>"} and are removed with the group. Registered once per registry.
 */
final class RuleMetrics {
  final Summary evalDuration;
  final Summary iterationDuration;
  final Counter iterationsMissed;
  final Counter iterationsScheduled;
  final Counter evalTotal;
  final Counter evalFailures;
  final Gauge groupInterval;
  final Gauge groupLastEvalTime;
  final Gauge groupLastDuration;
  final Gauge groupRules;
  final Gauge groupSamples;

  RuleMetrics(PrometheusRegistry registry) {
    evalDuration = quantiles(Summary.builder()).name("prometheus_rule_evaluation_duration_seconds")
        .help("The duration for a rule to execute.").register(registry);
    iterationDuration = quantiles(Summary.builder()).name("prometheus_rule_group_duration_seconds")
        .help("The duration of rule group evaluations.").register(registry);
    iterationsMissed = Counter.builder().name("prometheus_rule_group_iterations_missed_total")
        .help("The total number of rule group evaluations missed due to slow rule group evaluation.")
        .labelNames("rule_group").register(registry);
    iterationsScheduled = Counter.builder().name("prometheus_rule_group_iterations_total")
        .help("The total number of scheduled rule group evaluations, whether executed or missed.")
        .labelNames("rule_group").register(registry);
    evalTotal = Counter.builder().name("prometheus_rule_evaluations_total")
        .help("The total number of rule evaluations.").labelNames("rule_group").register(registry);
    evalFailures = Counter.builder().name("prometheus_rule_evaluation_failures_total")
        .help("The total number of rule evaluation failures.").labelNames("rule_group").register(registry);
    groupInterval = Gauge.builder().name("prometheus_rule_group_interval_seconds")
        .help("The interval of a rule group.").labelNames("rule_group").register(registry);
    groupLastEvalTime = Gauge.builder().name("prometheus_rule_group_last_evaluation_timestamp_seconds")
        .help("The timestamp of the last rule group evaluation in seconds.").labelNames("rule_group").register(registry);
    groupLastDuration = Gauge.builder().name("prometheus_rule_group_last_duration_seconds")
        .help("The duration of the last rule group evaluation.").labelNames("rule_group").register(registry);
    groupRules = Gauge.builder().name("prometheus_rule_group_rules")
        .help("The number of rules.").labelNames("rule_group").register(registry);
    groupSamples = Gauge.builder().name("prometheus_rule_group_last_evaluation_samples")
        .help("The number of samples returned during the last rule group evaluation.")
        .labelNames("rule_group").register(registry);
  }

  /** Creates the group's series (so that they show 0 before its first evaluation). */
  void addGroup(String key, double intervalSeconds, int rules) {
    iterationsMissed.labelValues(key);
    iterationsScheduled.labelValues(key);
    evalTotal.labelValues(key);
    evalFailures.labelValues(key);
    groupInterval.labelValues(key).set(intervalSeconds);
    groupRules.labelValues(key).set(rules);
  }

  void removeGroup(String key) {
    iterationsMissed.remove(key);
    iterationsScheduled.remove(key);
    evalTotal.remove(key);
    evalFailures.remove(key);
    groupInterval.remove(key);
    groupLastEvalTime.remove(key);
    groupLastDuration.remove(key);
    groupRules.remove(key);
    groupSamples.remove(key);
  }

  private static Summary.Builder quantiles(Summary.Builder b) {
    return b.quantile(0.5, 0.05).quantile(0.9, 0.01).quantile(0.99, 0.001);
  }
}
