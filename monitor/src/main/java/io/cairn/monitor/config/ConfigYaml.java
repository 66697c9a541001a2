package io.cairn.monitor.config;

import io.cairn.monitor.config.YamlEmit.Flow;
import io.cairn.monitor.config.YamlEmit.Raw;
import io.cairn.monitor.relabel.RelabelConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loaded configuration written back as Prometheus 2.42 marshals its {@code config.Config} (what
 * {@code /api/v1/status/config} shows): defaults filled in, Prometheus's field order, zero values
 * left out where Prometheus's {@code omitempty} leaves them out, secrets as {@code <secret>}, TLS
 * versions as numbers ({@code 771} for TLS12), discovery sections after the relabelling ones in
 * name order ({@code file_sd_configs}, {@code http_sd_configs}, {@code kv_sd_configs}, {@code
 * static_configs}).
 *
 * <p>Known differences from Prometheus: {@code storage}, {@code tracing}, {@code
 * remote_write} and {@code remote_read} are written back as read (cairn does not model them, so
 * Prometheus's defaults are not filled in there), and so is {@code oauth2} (its secret is not
 * masked); file names are written relative to the config file's directory when they lie under it
 * (Prometheus shows them as written, cairn keeps them resolved); {@code kv_sd_configs} is cairn's own.
 */
public final class ConfigYaml {
  private ConfigYaml() {}

  /**
   * @param baseDir the config file's directory (file names under it are shown relative); null for none
   */
  public static String render(PromConfig c, Path baseDir) {
    Paths paths = new Paths(baseDir == null ? null : baseDir.toAbsolutePath().normalize().toString());
    Map<String, Object> root = new LinkedHashMap<>();
    GlobalConfig g = c.global();
    Map<String, Object> global = new LinkedHashMap<>();
    global.put("scrape_interval", g.scrapeInterval().toString());
    global.put("scrape_timeout", g.scrapeTimeout().toString());
    global.put("evaluation_interval", g.evaluationInterval().toString());
    putIf(global, "query_log_file", paths.rel(g.queryLogFile()));
    if (!g.externalLabels().isEmpty()) {
      global.put("external_labels", new LinkedHashMap<>(g.externalLabels()));
    }
    root.put("global", global);
    if (!c.alerting().isEmpty()) {
      root.put("alerting", AlertingYaml.alerting(c.alerting(), paths));
    }
    if (!c.ruleFiles().isEmpty()) {
      root.put("rule_files", c.ruleFiles().stream().map(paths::rel).toList());
    }
    if (!c.scrapeConfigs().isEmpty()) {
      root.put("scrape_configs", c.scrapeConfigs().stream().map(s -> scrape(s, paths)).toList());
    }
    if (c.storage() != null && !c.storage().isEmpty()) {
      root.put("storage", c.storage());
    }
    if (c.tracing() != null && !c.tracing().isEmpty()) {
      root.put("tracing", c.tracing());
    }
    if (!c.remoteWrite().isEmpty()) {
      root.put("remote_write", c.remoteWrite());
    }
    if (!c.remoteRead().isEmpty()) {
      root.put("remote_read", c.remoteRead());
    }
    return YamlEmit.document(root);
  }

  /** Makes resolved file names relative to the config directory again. */
  record Paths(String base) {
    String rel(String p) {
      if (base != null && p.startsWith(base + "/")) {
        return p.substring(base.length() + 1);
      }
      return p;
    }
  }

  private static Map<String, Object> scrape(ScrapeConfig s, Paths paths) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("job_name", s.jobName());
    if (s.honorLabels()) {
      m.put("honor_labels", new Raw("true"));
    }
    m.put("honor_timestamps", new Raw(String.valueOf(s.honorTimestamps())));
    if (!s.params().isEmpty()) {
      m.put("params", new TreeMap<>(s.params()));
    }
    m.put("scrape_interval", s.scrapeInterval().toString());
    m.put("scrape_timeout", s.scrapeTimeout().toString());
    putIf(m, "metrics_path", s.metricsPath());
    putIf(m, "scheme", s.scheme());
    if (s.bodySizeLimit() > 0) {
      m.put("body_size_limit", Base2Bytes.format(s.bodySizeLimit()));
    }
    putNum(m, "sample_limit", s.sampleLimit());
    putNum(m, "target_limit", s.targetLimit());
    putNum(m, "label_limit", s.labelLimit());
    putNum(m, "label_name_length_limit", s.labelNameLengthLimit());
    putNum(m, "label_value_length_limit", s.labelValueLengthLimit());
    HttpYaml.http(s.http(), m, paths);
    if (!s.relabelConfigs().isEmpty()) {
      m.put("relabel_configs", s.relabelConfigs().stream().map(ConfigYaml::relabel).toList());
    }
    if (!s.metricRelabelConfigs().isEmpty()) {
      m.put("metric_relabel_configs", s.metricRelabelConfigs().stream().map(ConfigYaml::relabel).toList());
    }
    putSd(m, s.fileSdConfigs(), s.httpSdConfigs(), paths);
    if (!s.kvSdConfigs().isEmpty()) {
      m.put("kv_sd_configs", s.kvSdConfigs().stream().map(k -> HttpYaml.kv(k, paths)).toList());
    }
    if (!s.staticConfigs().isEmpty()) {
      m.put("static_configs", s.staticConfigs().stream().map(ConfigYaml::group).toList());
    }
    return m;
  }

  /** {@code file_sd_configs} and {@code http_sd_configs} as Prometheus marshals them, when present. */
  static void putSd(Map<String, Object> m, List<FileSdConfig> fileSd, List<HttpSdConfig> httpSd, Paths paths) {
    if (!fileSd.isEmpty()) {
      m.put("file_sd_configs", fileSd.stream().map(f -> {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("files", f.files().stream().map(paths::rel).toList());
        x.put("refresh_interval", f.refreshInterval().toString());
        return x;
      }).toList());
    }
    if (!httpSd.isEmpty()) {
      m.put("http_sd_configs", httpSd.stream().map(h -> {
        Map<String, Object> x = new LinkedHashMap<>();
        HttpYaml.http(h.http(), x, paths);
        x.put("refresh_interval", h.refreshInterval().toString());
        x.put("url", h.url());
        return x;
      }).toList());
    }
  }

  static Map<String, Object> group(TargetGroup g) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("targets", g.targets());
    if (!g.labels().isEmpty()) {
      x.put("labels", new TreeMap<>(g.labels()));
    }
    return x;
  }

  static Map<String, Object> relabel(RelabelConfig r) {
    Map<String, Object> x = new LinkedHashMap<>();
    if (!r.sourceLabels().isEmpty()) {
      x.put("source_labels", new Flow(r.sourceLabels()));
    }
    putIf(x, "separator", r.separator());
    String re = r.regex().expr();
    x.put("regex", re.isEmpty() ? new Raw("null") : re);
    putNum(x, "modulus", r.modulus());
    putIf(x, "target_label", r.targetLabel());
    putIf(x, "replacement", r.replacement());
    x.put("action", r.action().yamlName());
    return x;
  }

  static void putIf(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  static void putNum(Map<String, Object> m, String key, long value) {
    if (value != 0) {
      m.put(key, new Raw(Long.toString(value)));
    }
  }
}
