package io.cairn.monitor.notifier;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert as sent to Alertmanager's API v2 ({@code POST /api/v2/alerts}), Prometheus's
 * {@code notifier.Alert}.
 *
 * @param labels the alert's identity, sorted by name; never empty once relabelled for sending
 * @param annotations expanded annotation templates, sorted by name
 * @param startsAt when the alert started firing (the active time of the rule's alert)
 * @param endsAt when it resolved, or until when a firing alert is valid (Prometheus sends
 *     {@code now + 4 × max(resend delay, group interval)}); null for "unknown"
 * @param generatorUrl a link back to the expression, {@code <external url>/graph?g0.expr=...}; may
 *     be empty
 */
public record Alert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt,
    String generatorUrl) {
  public Alert {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(labels, "labels")));
    annotations = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(annotations, "annotations")));
    generatorUrl = generatorUrl == null ? "" : generatorUrl;
  }

  /** Whether the alert is resolved at {@code now}: it has an end and the end is not after now. */
  public boolean resolvedAt(Instant now) {
    return endsAt != null && !endsAt.isAfter(now);
  }
}
