package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import java.util.Map;

/**
 * The {@code global} section with Prometheus's defaults: scrape every 1m with a 10s timeout (capped
 * at the interval when only the interval is set), evaluate rules every 1m.
 *
 * @param externalLabels sorted by name; values may be empty, and are kept literally (Prometheus
 *     2.42 expands {@code $VAR} only behind a feature flag)
 * @param queryLogFile empty for none, else resolved against the config file's directory
 */
public record GlobalConfig(
    PromDuration scrapeInterval,
    PromDuration scrapeTimeout,
    PromDuration evaluationInterval,
    Map<String, String> externalLabels,
    String queryLogFile) {
  public static final GlobalConfig DEFAULT =
      new GlobalConfig(PromDuration.ofMinutes(1), PromDuration.ofSeconds(10), PromDuration.ofMinutes(1), Map.of(), "");

  public GlobalConfig {
    externalLabels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(externalLabels));
  }
}
