package io.cairn.monitor.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code alerting} section as Prometheus 2.42 marshals it (see {@link ConfigYaml}). */
final class AlertingYaml {
  private AlertingYaml() {}

  static Map<String, Object> alerting(AlertingConfig a, ConfigYaml.Paths paths) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!a.alertRelabelConfigs().isEmpty()) {
      m.put("alert_relabel_configs", a.alertRelabelConfigs().stream().map(ConfigYaml::relabel).toList());
    }
    if (!a.alertmanagers().isEmpty()) {
      m.put("alertmanagers", a.alertmanagers().stream().map(am -> alertmanager(am, paths)).toList());
    }
    return m;
  }

  /** Go's field order: the inlined HTTP client, scheme ... relabel_configs, then discovery by name. */
  private static Map<String, Object> alertmanager(AlertmanagerConfig am, ConfigYaml.Paths paths) {
    Map<String, Object> m = new LinkedHashMap<>();
    HttpYaml.http(am.http(), m, paths);
    ConfigYaml.putIf(m, "scheme", am.scheme());
    ConfigYaml.putIf(m, "path_prefix", am.pathPrefix());
    if (!am.timeout().isZero()) {
      m.put("timeout", am.timeout().toString());
    }
    m.put("api_version", am.apiVersion());
    if (!am.relabelConfigs().isEmpty()) {
      m.put("relabel_configs", am.relabelConfigs().stream().map(ConfigYaml::relabel).toList());
    }
    ConfigYaml.putSd(m, am.fileSdConfigs(), am.httpSdConfigs(), paths);
    if (!am.staticConfigs().isEmpty()) {
      List<Map<String, Object>> groups = am.staticConfigs().stream().map(ConfigYaml::group).toList();
      m.put("static_configs", groups);
    }
    return m;
  }
}
