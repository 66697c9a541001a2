/**
 * Recording and alerting rules, after Prometheus 2.42's {@code model/rulefmt} and {@code rules}
 * packages.
 *
 * <p><b>Rule files</b> ({@link io.cairn.monitor.rules.RuleFiles}): the configuration's {@code
 * rule_files} globs are expanded as Go's {@code filepath.Glob}; each file (at most 16 MiB) is
 * composed with SnakeYAML into position-carrying nodes ({@code RuleYaml}), decoded as yaml.v3's
 * strict mode would ({@code RuleDecoder}: unknown fields, repeated keys and wrong types give
 * yaml.v3's {@code unmarshal errors}), then validated as {@code rulefmt.Validate} ({@code
 * RuleValidator}), messages and positions included. {@code PromtoolRulesIT} checks the decisions
 * and messages against the real {@code promtool check rules}. YAML syntax errors are worded by
 * SnakeYAML, not yaml.v3.
 *
 * <p><b>Evaluation</b>: the {@link io.cairn.monitor.rules.RuleManager} runs every group on its own
 * virtual thread ({@code GroupRunner}) at Prometheus's slots ({@code EvalTimes}: offset = XXH64 of
 * the labels {@code {file, name}} mod interval — the same phase as Prometheus for the same file
 * path), counting missed iterations. A {@code Group} evaluates its rules in order at the same
 * timestamp through the PromQL engine; recording rules' samples and alerting rules' {@code
 * ALERTS}/{@code ALERTS_FOR_STATE} series are appended and committed per rule; series a rule no
 * longer returns get stale markers, as do the series of rules or groups removed by a reload.
 * Alerting rules implement the pending/firing/inactive machine with {@code for} and {@code
 * keep_firing_for}, keep resolved alerts 15 minutes, and after a restart restore the active time
 * from {@code ALERTS_FOR_STATE} ({@code ForStateRestore}) within the outage tolerance and grace
 * period. Templates of labels and annotations go through {@link
 * io.cairn.monitor.template.AlertTemplates} only when the text has an action ({@code {{}).
 *
 * <p><b>Reload</b>: all files are parsed first; any error refuses the whole reload (the running
 * groups keep going). A group with the same file and name and identical definition keeps running;
 * a changed one takes over the state (previous series, alerts) of the rules with the same name and
 * labels.
 *
 * <p><b>Sending</b>: after each evaluation of an alerting rule, the alerts due ({@code
 * AlertNotifications}: firing ones every resend delay, resolved ones once) are handed to an {@link
 * io.cairn.monitor.rules.AlertSender} as Alertmanager alerts.
 *
 * <p>Differences from Prometheus: times are kept in milliseconds (Prometheus keeps the evaluation
 * time in nanoseconds, so its {@code activeAt} shows up to nine fraction digits); labels and
 * annotations with validation errors are reported in file order (Prometheus: Go's random map
 * order); native histograms are not supported.
 */
package io.cairn.monitor.rules;
