package io.cairn.monitor.scrape;

/** A target's health as the targets API shows it (Prometheus's {@code up}, {@code down}, {@code unknown}). */
public enum TargetHealth {
  UP("up"),
  DOWN("down"),
  UNKNOWN("unknown");

  private final String apiName;

  TargetHealth(String apiName) {
    this.apiName = apiName;
  }

  /** The name the targets API uses. */
  public String apiName() {
    return apiName;
  }
}
