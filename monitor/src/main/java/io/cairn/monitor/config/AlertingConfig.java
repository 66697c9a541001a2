package io.cairn.monitor.config;

import io.cairn.monitor.relabel.RelabelConfig;
import java.util.List;

/**
 * The {@code alerting} section: how alerts are relabelled and which Alertmanagers they go to, as
 * Prometheus 2.42's {@code config.AlertingConfig}. Immutable; an absent or empty section is {@link
 * #EMPTY} (never null in a {@link PromConfig}).
 *
 * @param alertRelabelConfigs applied to every alert after the external labels are added
 * @param alertmanagers in file order; the notifier names them {@code config-0}, {@code config-1}, ...
 */
public record AlertingConfig(List<RelabelConfig> alertRelabelConfigs, List<AlertmanagerConfig> alertmanagers) {
  public static final AlertingConfig EMPTY = new AlertingConfig(List.of(), List.of());

  public AlertingConfig {
    alertRelabelConfigs = List.copyOf(alertRelabelConfigs);
    alertmanagers = List.copyOf(alertmanagers);
  }

  /** Whether the section says nothing (Prometheus leaves it out of {@code /api/v1/status/config}). */
  public boolean isEmpty() {
    return alertRelabelConfigs.isEmpty() && alertmanagers.isEmpty();
  }
}
