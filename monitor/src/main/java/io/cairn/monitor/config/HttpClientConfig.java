package io.cairn.monitor.config;

import java.util.Map;

/**
 * How to reach an HTTP endpoint (a scrape target, an HTTP SD URL): prometheus/common's {@code
 * HTTPClientConfig} as of Prometheus 2.42. At most one of basicAuth, authorization and oauth2.
 *
 * @param basicAuth null when absent
 * @param authorization null when absent (bearer_token and bearer_token_file end up here)
 * @param oauth2 the {@code oauth2} section as raw YAML values, null when absent; accepted so
 *     configs load, not yet used by cairn
 * @param proxyUrl empty for none
 */
public record HttpClientConfig(
    BasicAuth basicAuth,
    Authorization authorization,
    Map<String, Object> oauth2,
    TlsConfig tlsConfig,
    String proxyUrl,
    boolean followRedirects,
    boolean enableHttp2) {
  public static final HttpClientConfig DEFAULT =
      new HttpClientConfig(null, null, null, TlsConfig.DEFAULT, "", true, true);
}
