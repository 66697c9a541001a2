package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import io.cairn.monitor.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes the {@code alerting} section and validates it as Prometheus 2.42 does. */
final class AlertingDecoder {
  static final String AM_TYPE = "config.AlertmanagerConfig";
  private static final Set<String> FIELDS = Set.of("alert_relabel_configs", "alertmanagers");
  private static final Set<String> AM_FIELDS = amFields();

  private AlertingDecoder() {}

  private static Set<String> amFields() {
    Set<String> s = new HashSet<>(HttpClientDecoder.FIELDS);
    s.addAll(List.of("scheme", "path_prefix", "timeout", "api_version", "relabel_configs",
        "static_configs", "file_sd_configs", "http_sd_configs"));
    return Set.copyOf(s);
  }

  /** The section; {@link AlertingConfig#EMPTY} when absent or null, null when it had type errors. */
  static AlertingConfig decode(Decoder d, Node n) throws ConfigException {
    if (Decoder.isNull(n)) {
      return AlertingConfig.EMPTY;
    }
    int mark = d.errorCount();
    Map<String, Node> f = d.struct(n, "config.plain", FIELDS);
    if (f == null) {
      return null;
    }
    List<RelabelConfig> relabel =
        RelabelDecoder.decodeList(d, f.get("alert_relabel_configs"), "empty or null alert relabeling rule");
    List<AlertmanagerConfig> ams = new ArrayList<>();
    for (Node item : d.seq(f.get("alertmanagers"), "config.AlertmanagerConfigs")) {
      if (Decoder.isNull(item)) {
        // Prometheus 2.42 crashes on a null entry (nil pointer in SetDirectory); cairn refuses it
        throw new ConfigException("line " + item.line() + ": empty or null Alertmanager config");
      }
      AlertmanagerConfig am = alertmanager(d, item);
      if (am != null) {
        ams.add(am);
      }
    }
    if (d.errorCount() > mark) {
      return null;
    }
    return new AlertingConfig(relabel, ams);
  }

  private static AlertmanagerConfig alertmanager(Decoder d, Node n) throws ConfigException {
    if (n instanceof Node.MapNode m) {
      for (Node.Entry e : m.entries()) {
        if (ScrapeDecoder.OTHER_SD.contains(e.key().text())) {
          throw new ConfigException("line " + e.key().line() + ": " + e.key().text()
              + " is a Prometheus service discovery that cairn does not implement for Alertmanagers"
              + " (use static_configs, file_sd_configs or http_sd_configs)");
        }
      }
    }
    int mark = d.errorCount();
    Map<String, Node> f = d.struct(n, AM_TYPE, AM_FIELDS);
    if (f == null) {
      return null;
    }
    String scheme = f.containsKey("scheme") ? d.string(f.get("scheme")) : AlertmanagerConfig.DEFAULT_SCHEME;
    String prefix = d.string(f.get("path_prefix"));
    PromDuration timeout = f.containsKey("timeout") ? d.duration(f.get("timeout")) : AlertmanagerConfig.DEFAULT_TIMEOUT;
    String api = apiVersion(d, f.get("api_version"));
    List<TargetGroup> statics = SdDecoder.staticConfigs(d, f.get("static_configs"));
    List<FileSdConfig> files = SdDecoder.fileSd(d, f.get("file_sd_configs"));
    List<HttpSdConfig> https = SdDecoder.httpSd(d, f.get("http_sd_configs"));
    List<RelabelConfig> relabel = RelabelDecoder.decodeList(d, f.get("relabel_configs"),
        "empty or null Alertmanager target relabeling rule");
    if (d.errorCount() > mark) {
      return null;
    }
    HttpClientConfig http = HttpClientDecoder.decode(d, f);
    if (http == null) {
      return null;
    }
    if (relabel.isEmpty()) {
      for (TargetGroup g : statics) {
        for (String t : g.targets()) {
          if (t.contains("/")) {
            throw new ConfigException("\"" + t + "\" is not a valid hostname");
          }
        }
      }
    }
    return new AlertmanagerConfig(http, scheme, prefix, timeout, api, statics, files, https, relabel);
  }

  /**
   * {@code v1} or {@code v2}. Absent is v2; a YAML null, which leaves Prometheus with an empty
   * version that fails every send, is taken as v2 too.
   */
  private static String apiVersion(Decoder d, Node n) throws ConfigException {
    if (Decoder.isNull(n)) {
      return AlertmanagerConfig.API_V2;
    }
    if (!(n instanceof Node.Scalar s)) {
      d.typeError(n, "config.plain");
      return AlertmanagerConfig.API_V2;
    }
    String v = s.text();
    if (!v.equals(AlertmanagerConfig.API_V1) && !v.equals(AlertmanagerConfig.API_V2)) {
      throw new ConfigException("expected Alertmanager api version to be one of [v1 v2] but got " + v);
    }
    return v;
  }
}
