package io.cairn.monitor.rules;

import java.util.Locale;

/** An alert's state, ordered as Prometheus's: inactive, pending, firing. */
public enum AlertState {
  INACTIVE,
  PENDING,
  FIRING;

  /** Prometheus's spelling: {@code inactive}, {@code pending}, {@code firing}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
