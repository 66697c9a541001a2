package io.cairn.monitor.rules;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one rule group for the HTTP API. {@code lastEvaluation} is null before the first
 * evaluation; {@code limit} 0 means none.
 */
public record RuleGroupInfo(String name, String file, double intervalSeconds, int limit, double evaluationSeconds,
    Instant lastEvaluation, List<RuleInfo> rules) {}
