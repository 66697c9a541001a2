package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import io.cairn.monitor.relabel.RelabelConfig;
import java.util.List;
import java.util.Map;

/**
 * One {@code scrape_configs} entry with Prometheus's defaults applied: interval and timeout from
 * {@code global} when not set (a timeout larger than the interval is an error; an inherited timeout
 * is capped at the interval), {@code /metrics}, {@code http}, honor_timestamps true. Limits of 0
 * mean "no limit"; {@code bodySizeLimit} is in bytes (0 or less: none).
 *
 * @param params URL query parameters, each with one or more values
 */
public record ScrapeConfig(
    String jobName,
    PromDuration scrapeInterval,
    PromDuration scrapeTimeout,
    String metricsPath,
    String scheme,
    Map<String, List<String>> params,
    boolean honorLabels,
    boolean honorTimestamps,
    long sampleLimit,
    long targetLimit,
    long labelLimit,
    long labelNameLengthLimit,
    long labelValueLengthLimit,
    long bodySizeLimit,
    HttpClientConfig http,
    List<TargetGroup> staticConfigs,
    List<FileSdConfig> fileSdConfigs,
    List<HttpSdConfig> httpSdConfigs,
    List<KvSdConfig> kvSdConfigs,
    List<RelabelConfig> relabelConfigs,
    List<RelabelConfig> metricRelabelConfigs) {
  public static final String DEFAULT_METRICS_PATH = "/metrics";
  public static final String DEFAULT_SCHEME = "http";

  public ScrapeConfig {
    params = Map.copyOf(params);
    staticConfigs = List.copyOf(staticConfigs);
    fileSdConfigs = List.copyOf(fileSdConfigs);
    httpSdConfigs = List.copyOf(httpSdConfigs);
    kvSdConfigs = List.copyOf(kvSdConfigs);
    relabelConfigs = List.copyOf(relabelConfigs);
    metricRelabelConfigs = List.copyOf(metricRelabelConfigs);
  }
}
