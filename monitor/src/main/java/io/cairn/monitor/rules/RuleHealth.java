package io.cairn.monitor.rules;

/** A rule's health after its last evaluation, as Prometheus's {@code RuleHealth}. */
public enum RuleHealth {
  UNKNOWN("unknown"),
  OK("ok"),
  ERR("err");

  private final String text;

  RuleHealth(String text) {
    this.text = text;
  }

  /** Prometheus's spelling: {@code unknown}, {@code ok}, {@code err}. */
  public String text() {
    return text;
  }
}
