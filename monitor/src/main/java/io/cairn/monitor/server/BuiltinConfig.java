package io.cairn.monitor.server;

import io.cairn.common.config.HostPort;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration used when {@code --config.file} is empty: every 15 s, scrape each of the given
 * jobs' one target. {@code cairn monitor} gives one job, {@code cairn}: this process's admin
 * endpoint, which serves every cairn service's metrics (the monitor's {@code prometheus_*} ones
 * included); the monitor's own {@code /metrics} serves the same registry, so it is not scraped a
 * second time. {@code cairn up} adds the gateway's {@code /metrics} (its own Traefik metrics) as job
 * {@code gateway}.
 */
final class BuiltinConfig {
  private BuiltinConfig() {}

  /** @param jobs job name to target; written in name order */
  static String yaml(Map<String, HostPort> jobs) {
    StringBuilder out = new StringBuilder("""
        global:
          scrape_interval: 15s
          evaluation_interval: 15s
        scrape_configs:
        """);
    new TreeMap<>(jobs).forEach((job, target) -> out.append("""
          - job_name: %s
            static_configs:
              - targets: ["%s"]
        """.formatted(job, target(target))));
    return out.toString();
  }

  private static String target(HostPort a) {
    String host = a.host().equals("0.0.0.0") || a.host().isEmpty() ? "127.0.0.1" : a.host();
    return new HostPort(host, a.port()).toString();
  }
}
