package io.cairn.monitor.server;

import io.cairn.common.config.HostPort;

/**
 * The configuration used when {@code --config.file} is empty: every 15 s, scrape this process's
 * admin endpoint, which serves every cairn service's metrics (the monitor's {@code prometheus_*}
 * ones included), as job {@code cairn}. The monitor's own {@code /metrics} serves the same registry,
 * so it is not scraped a second time.
 */
final class BuiltinConfig {
  private BuiltinConfig() {}

  static String yaml(HostPort admin) {
    return """
        global:
          scrape_interval: 15s
          evaluation_interval: 15s
        scrape_configs:
          - job_name: cairn
            static_configs:
              - targets: ["%s"]
        """.formatted(target(admin));
  }

  private static String target(HostPort a) {
    String host = a.host().equals("0.0.0.0") || a.host().isEmpty() ? "127.0.0.1" : a.host();
    return new HostPort(host, a.port()).toString();
  }
}
