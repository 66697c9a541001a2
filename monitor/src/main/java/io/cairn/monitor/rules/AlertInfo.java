package io.cairn.monitor.rules;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one pending or firing alert for the HTTP API: expanded labels and annotations
 * (sorted by name), state, since when it is active, and the sample value that triggered it.
 */
public record AlertInfo(Map<String, String> labels, Map<String, String> annotations, AlertState state,
    Instant activeAt, double value) {}
