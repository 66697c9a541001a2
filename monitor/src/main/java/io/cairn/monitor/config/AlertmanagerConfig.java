package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import io.cairn.monitor.relabel.RelabelConfig;
import java.util.List;

/**
 * One {@code alerting.alertmanagers} entry, as Prometheus 2.42's {@code config.AlertmanagerConfig}:
 * how a set of Alertmanagers is discovered and reached. Immutable.
 *
 * @param http basic_auth, authorization, tls_config, follow_redirects, ... (prometheus/common)
 * @param scheme {@code http} by default; any other string is accepted here as Prometheus does, and
 *     the scheme is checked when a discovered address needs a default port
 * @param pathPrefix prepended to the push path; empty by default
 * @param timeout per batch sent to one Alertmanager; 10s by default; 0 (written explicitly) makes
 *     Prometheus fail every send, cairn's notifier takes it as the 10s default
 * @param apiVersion {@code v2} (default) or {@code v1} (deprecated; see the notifier package)
 * @param relabelConfigs applied to each discovered Alertmanager's labels ({@code __address__},
 *     {@code __scheme__}, {@code __alerts_path__})
 */
public record AlertmanagerConfig(
    HttpClientConfig http,
    String scheme,
    String pathPrefix,
    PromDuration timeout,
    String apiVersion,
    List<TargetGroup> staticConfigs,
    List<FileSdConfig> fileSdConfigs,
    List<HttpSdConfig> httpSdConfigs,
    List<RelabelConfig> relabelConfigs) {
  public static final String DEFAULT_SCHEME = "http";
  public static final PromDuration DEFAULT_TIMEOUT = PromDuration.ofSeconds(10);
  public static final String API_V1 = "v1";
  public static final String API_V2 = "v2";

  public AlertmanagerConfig {
    staticConfigs = List.copyOf(staticConfigs);
    fileSdConfigs = List.copyOf(fileSdConfigs);
    httpSdConfigs = List.copyOf(httpSdConfigs);
    relabelConfigs = List.copyOf(relabelConfigs);
  }
}
