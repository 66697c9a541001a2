package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
/**
 * HTTP discovery: GET {@code url} (http or https, with a host) returning a JSON list of {@link
 * TargetGroup}s, every {@code refreshInterval} (default 60s).
 */
public record HttpSdConfig(String url, PromDuration refreshInterval, HttpClientConfig http) {
  public static final PromDuration DEFAULT_REFRESH = PromDuration.ofSeconds(60);
}
