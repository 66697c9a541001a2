package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import io.cairn.monitor.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Decodes the top level and the {@code global} section, then reports collected type errors. */
final class ConfigDecoder {
  private static final Set<String> FIELDS = Set.of(
      "global", "alerting", "rule_files", "scrape_configs", "storage", "tracing", "remote_write", "remote_read");
  private static final Set<String> GLOBAL_FIELDS =
      Set.of("scrape_interval", "scrape_timeout", "evaluation_interval", "external_labels", "query_log_file");
  private static final Pattern RULE_PATH = Pattern.compile("^[^*]*(\\*[^/]*)?$");

  private ConfigDecoder() {}

  static PromConfig decode(Node root, Decoder d) throws ConfigException {
    if (root == null) {
      return PromConfig.EMPTY;
    }
    Map<String, Node> f = d.struct(root, "config.plain", FIELDS);
    PromConfig out = f == null ? null : decodeFields(f, d);
    if (d.errorCount() > 0) {
      throw new ConfigException("yaml: unmarshal errors:\n  " + String.join("\n  ", d.typeErrors()));
    }
    return out;
  }

  private static PromConfig decodeFields(Map<String, Node> f, Decoder d) throws ConfigException {
    GlobalConfig global = global(d, f.get("global"));
    List<String> ruleFiles = new ArrayList<>();
    for (String rf : d.strings(f.get("rule_files"))) {
      ruleFiles.add(rf);
    }
    AlertingConfig alerting = AlertingDecoder.decode(d, f.get("alerting"));
    Map<String, Object> storage = rawMap(d, f.get("storage"), "config.StorageConfig");
    Map<String, Object> tracing = rawMap(d, f.get("tracing"), "config.TracingConfig");
    List<Object> remoteWrite = rawList(d, f.get("remote_write"), "[]*config.RemoteWriteConfig");
    List<Object> remoteRead = rawList(d, f.get("remote_read"), "[]*config.RemoteReadConfig");
    List<Node> items = d.seq(f.get("scrape_configs"), "[]*config.ScrapeConfig");
    if (global == null) {
      global = GlobalConfig.DEFAULT; // its type errors are reported; go on collecting the others
    }
    List<ScrapeConfig> scrapes = new ArrayList<>();
    for (Node item : items) {
      if (Decoder.isNull(item)) {
        scrapes.add(null);
        continue;
      }
      scrapes.add(ScrapeDecoder.decode(d, item, global));
    }
    if (d.errorCount() > 0) {
      return null;
    }
    for (String rf : ruleFiles) {
      if (!RULE_PATH.matcher(rf).matches()) {
        throw new ConfigException("invalid rule file path \"" + rf + "\"");
      }
    }
    Set<String> jobs = new HashSet<>();
    for (ScrapeConfig s : scrapes) {
      if (s == null) {
        throw new ConfigException("empty or null scrape config section");
      }
      if (!jobs.add(s.jobName())) {
        throw new ConfigException("found multiple scrape configs with job name \"" + s.jobName() + "\"");
      }
    }
    return new PromConfig(global, ruleFiles.stream().map(d::join).toList(), scrapes,
        alerting, remoteWrite, remoteRead, storage, tracing);
  }

  /** As GlobalConfig.UnmarshalYAML; an absent or null section is the default. */
  static GlobalConfig global(Decoder d, Node n) throws ConfigException {
    if (Decoder.isNull(n)) {
      return GlobalConfig.DEFAULT;
    }
    int mark = d.errorCount();
    Map<String, Node> f = d.struct(n, "config.plain", GLOBAL_FIELDS);
    if (f == null) {
      return null;
    }
    PromDuration interval = d.duration(f.get("scrape_interval"));
    PromDuration timeout = d.duration(f.get("scrape_timeout"));
    PromDuration eval = d.duration(f.get("evaluation_interval"));
    Map<String, String> external = new LinkedHashMap<>();
    d.map(f.get("external_labels"), "labels.Labels").forEach((k, v) -> external.put(k, d.string(v)));
    String queryLog = d.path(f.get("query_log_file"));
    if (d.errorCount() > mark) {
      return null;
    }
    for (String name : external.keySet()) {
      if (!RelabelConfig.isValidLabelName(name)) {
        throw new ConfigException("\"" + name + "\" is not a valid label name");
      }
    }
    if (interval.isZero()) {
      interval = GlobalConfig.DEFAULT.scrapeInterval();
    }
    if (timeout.compareTo(interval) > 0) {
      throw new ConfigException("global scrape timeout greater than scrape interval");
    }
    if (timeout.isZero()) {
      PromDuration dflt = GlobalConfig.DEFAULT.scrapeTimeout();
      timeout = dflt.compareTo(interval) > 0 ? interval : dflt;
    }
    if (eval.isZero()) {
      eval = GlobalConfig.DEFAULT.evaluationInterval();
    }
    return new GlobalConfig(interval, timeout, eval, external, queryLog);
  }

  private static Map<String, Object> rawMap(Decoder d, Node n, String goType) {
    if (Decoder.isNull(n)) {
      return null;
    }
    if (!(n instanceof Node.MapNode)) {
      d.typeError(n, goType);
      return null;
    }
    return RawYaml.map(n);
  }

  private static List<Object> rawList(Decoder d, Node n, String goType) {
    List<Object> out = new ArrayList<>();
    for (Node item : d.seq(n, goType)) {
      out.add(RawYaml.value(item));
    }
    return java.util.Collections.unmodifiableList(out);
  }
}
