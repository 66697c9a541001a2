package io.cairn.monitor.rules;

import java.util.List;

/**
 * One group of a rule file ({@code rulefmt.RuleGroup}).
 *
 * @param name the group's name; may be empty before validation
 * @param pos where the group's mapping starts (for the group-level errors)
 * @param intervalMillis {@code interval}; 0 means the global {@code evaluation_interval}
 * @param limit {@code limit}; 0 means none
 * @param rules in file order
 */
record GroupSpec(String name, RuleSpec.Pos pos, long intervalMillis, int limit, List<RuleSpec> rules) {
  GroupSpec {
    rules = List.copyOf(rules);
  }
}
