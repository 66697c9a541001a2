package io.cairn.monitor.notifier;

import io.cairn.monitor.relabel.RelabelConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a configuration (re)load gives the {@link Notifier}. Immutable.
 *
 * @param externalLabels {@code global.external_labels}: added to every alert that lacks the label
 * @param alertRelabelConfigs {@code alerting.alert_relabel_configs}, applied after the external labels
 * @param sets the Alertmanager sets, with unique names
 */
public record NotifierSettings(Map<String, String> externalLabels, List<RelabelConfig> alertRelabelConfigs,
    List<SetSettings> sets) {
  /** No external labels, no relabelling, no Alertmanagers: every alert is dropped (and counted). */
  public static final NotifierSettings NONE = new NotifierSettings(Map.of(), List.of(), List.of());

  public NotifierSettings {
    externalLabels = Map.copyOf(externalLabels);
    alertRelabelConfigs = List.copyOf(alertRelabelConfigs);
    sets = List.copyOf(sets);
    Set<String> names = new HashSet<>();
    for (SetSettings s : sets) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two Alertmanager sets are named " + s.name());
      }
    }
  }
}
