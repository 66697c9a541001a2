package io.cairn.monitor.rules;

/**
 * What the last evaluation of a rule left: health, error, duration and start. Thread-safe (the
 * group's thread writes, the API reads).
 */
final class RuleStatus {
  private RuleHealth health = RuleHealth.UNKNOWN;
  private String lastError = "";
  private long durationNanos;
  private long lastEvaluationMillis = Long.MIN_VALUE;

  synchronized void ok() {
    health = RuleHealth.OK;
    lastError = "";
  }

  synchronized void failed(String error) {
    health = RuleHealth.ERR;
    lastError = error;
  }

  synchronized void evaluated(long startMillis, long durationNanos) {
    this.lastEvaluationMillis = startMillis;
    this.durationNanos = durationNanos;
  }

  synchronized RuleHealth health() {
    return health;
  }

  /** Empty when the last evaluation succeeded. */
  synchronized String lastError() {
    return lastError;
  }

  synchronized long durationNanos() {
    return durationNanos;
  }

  /** Wall-clock start of the last evaluation, or {@link Long#MIN_VALUE} before the first. */
  synchronized long lastEvaluationMillis() {
    return lastEvaluationMillis;
  }
}
