package io.cairn.monitor.rules;

import io.cairn.tsdb.model.Labels;

/**
 * One alert of an alerting rule, Prometheus's {@code rules.Alert}. Times are Unix milliseconds;
 * {@link #NONE} is Go's zero time. Mutable; guarded by the owning {@link AlertingRule}'s lock.
 */
final class ActiveAlert {
  static final long NONE = Long.MIN_VALUE;

  final Labels labels;
  /** Expanded, sorted by name, unmodifiable; empty values kept. */
  java.util.Map<String, String> annotations;
  AlertState state;
  double value;
  long activeAt;
  long firedAt = NONE;
  long resolvedAt = NONE;
  long lastSentAt = NONE;
  long validUntil = NONE;
  long keepFiringSince = NONE;

  ActiveAlert(Labels labels, java.util.Map<String, String> annotations, AlertState state, double value, long activeAt) {
    this.labels = labels;
    this.annotations = annotations;
    this.state = state;
    this.value = value;
    this.activeAt = activeAt;
  }

  /** Prometheus's {@code needsSending}: not pending, and resolved since the last send or due for a resend. */
  boolean needsSending(long ts, long resendDelayMillis) {
    if (state == AlertState.PENDING) {
      return false;
    }
    if (resolvedAt != NONE && resolvedAt > lastSentAt) {
      return true;
    }
    return lastSentAt == NONE || lastSentAt + resendDelayMillis < ts;
  }

  ActiveAlert copy() {
    ActiveAlert a = new ActiveAlert(labels, annotations, state, value, activeAt);
    a.firedAt = firedAt;
    a.resolvedAt = resolvedAt;
    a.lastSentAt = lastSentAt;
    a.validUntil = validUntil;
    a.keepFiringSince = keepFiringSince;
    return a;
  }
}
