package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import io.cairn.monitor.relabel.RelabelConfig;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes one {@code scrape_configs} entry and validates it as Prometheus 2.42 does. */
final class ScrapeDecoder {
  static final String TYPE = "config.ScrapeConfig";
  /** Prometheus discovery mechanisms cairn does not implement; named in the error. */
  static final Set<String> OTHER_SD = Set.of(
      "azure_sd_configs", "consul_sd_configs", "digitalocean_sd_configs", "docker_sd_configs",
      "dockerswarm_sd_configs", "dns_sd_configs", "ec2_sd_configs", "eureka_sd_configs", "gce_sd_configs",
      "hetzner_sd_configs", "ionos_sd_configs", "kubernetes_sd_configs", "kuma_sd_configs", "lightsail_sd_configs",
      "linode_sd_configs", "marathon_sd_configs", "nerve_sd_configs", "nomad_sd_configs", "openstack_sd_configs",
      "ovhcloud_sd_configs", "puppetdb_sd_configs", "scaleway_sd_configs", "serverset_sd_configs",
      "triton_sd_configs", "uyuni_sd_configs", "vultr_sd_configs");
  private static final Set<String> FIELDS = fields();

  private ScrapeDecoder() {}

  private static Set<String> fields() {
    Set<String> s = new HashSet<>(HttpClientDecoder.FIELDS);
    s.addAll(List.of(
        "job_name", "honor_labels", "honor_timestamps", "params", "scrape_interval", "scrape_timeout",
        "metrics_path", "scheme", "body_size_limit", "sample_limit", "target_limit", "label_limit",
        "label_name_length_limit", "label_value_length_limit", "static_configs", "file_sd_configs",
        "http_sd_configs", "kv_sd_configs", "relabel_configs", "metric_relabel_configs"));
    return Set.copyOf(s);
  }

  /** The entry with global defaults applied, or null when it had type errors. */
  static ScrapeConfig decode(Decoder d, Node n, GlobalConfig global) throws ConfigException {
    if (n instanceof Node.MapNode m) {
      for (Node.Entry e : m.entries()) {
        if (OTHER_SD.contains(e.key().text())) {
          throw new ConfigException("line " + e.key().line() + ": " + e.key().text()
              + " is a Prometheus service discovery that cairn does not implement"
              + " (use static_configs, file_sd_configs, http_sd_configs or kv_sd_configs)");
        }
      }
    }
    int mark = d.errorCount();
    Map<String, Node> f = d.struct(n, TYPE, FIELDS);
    if (f == null) {
      return null;
    }
    String job = d.string(f.get("job_name"));
    PromDuration interval = d.duration(f.get("scrape_interval"));
    PromDuration timeout = d.duration(f.get("scrape_timeout"));
    String path = f.containsKey("metrics_path") ? d.string(f.get("metrics_path")) : ScrapeConfig.DEFAULT_METRICS_PATH;
    String scheme = f.containsKey("scheme") ? d.string(f.get("scheme")) : ScrapeConfig.DEFAULT_SCHEME;
    Map<String, List<String>> params = new LinkedHashMap<>();
    d.map(f.get("params"), "url.Values").forEach((k, v) -> params.put(k, d.strings(v)));
    boolean honorLabels = d.bool(f.get("honor_labels"));
    boolean honorTimestamps = !f.containsKey("honor_timestamps") || d.bool(f.get("honor_timestamps"));
    long sampleLimit = d.uint(f.get("sample_limit"));
    long targetLimit = d.uint(f.get("target_limit"));
    long labelLimit = d.uint(f.get("label_limit"));
    long nameLimit = d.uint(f.get("label_name_length_limit"));
    long valueLimit = d.uint(f.get("label_value_length_limit"));
    long bodyLimit = bodySize(d, f.get("body_size_limit"));
    List<TargetGroup> statics = SdDecoder.staticConfigs(d, f.get("static_configs"));
    List<FileSdConfig> files = SdDecoder.fileSd(d, f.get("file_sd_configs"));
    List<HttpSdConfig> https = SdDecoder.httpSd(d, f.get("http_sd_configs"));
    List<KvSdConfig> kvs = SdDecoder.kvSd(d, f.get("kv_sd_configs"));
    List<RelabelConfig> relabel = RelabelDecoder.decode(d, f.get("relabel_configs"), "target");
    List<RelabelConfig> metricRelabel = RelabelDecoder.decode(d, f.get("metric_relabel_configs"), "metric");
    if (d.errorCount() > mark) {
      return null;
    }
    HttpClientConfig http = HttpClientDecoder.decode(d, f);
    if (http == null) {
      return null;
    }
    if (job.isEmpty()) {
      throw new ConfigException("job_name is empty");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException("scheme \"" + scheme + "\" for scrape config with job name \"" + job
          + "\" is not supported: expected http or https");
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
    // global defaults, as Config.UnmarshalYAML applies them
    if (interval.isZero()) {
      interval = global.scrapeInterval();
    }
    if (timeout.compareTo(interval) > 0) {
      throw new ConfigException("scrape timeout greater than scrape interval for scrape config with job name \"" + job + "\"");
    }
    if (timeout.isZero()) {
      timeout = global.scrapeTimeout().compareTo(interval) > 0 ? interval : global.scrapeTimeout();
    }
    return new ScrapeConfig(job, interval, timeout, path, scheme, params, honorLabels, honorTimestamps,
        sampleLimit, targetLimit, labelLimit, nameLimit, valueLimit, bodyLimit, http,
        statics, files, https, kvs, relabel, metricRelabel);
  }

  private static long bodySize(Decoder d, Node n) throws ConfigException {
    if (Decoder.isNull(n)) {
      return 0;
    }
    if (!(n instanceof Node.Scalar s)) {
      d.typeError(n, "units.Base2Bytes");
      return 0;
    }
    try {
      return Base2Bytes.parse(s.text());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
