package io.cairn.monitor.rules;

/** A rule evaluation failed; the message is Prometheus's and becomes the rule's {@code lastError}. */
final class RuleEvalException extends Exception {
  RuleEvalException(String message) {
    super(message, null, false, false);
  }
}
