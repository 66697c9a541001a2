package io.cairn.monitor.web;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The web layer's self-metrics. Thread-safe. */
final class WebMetrics {
  private final Counter ingested;
  private final Counter requests;

  WebMetrics(PrometheusRegistry registry) {
    ingested = Counter.builder()
        .name("cairn_monitor_ingested_samples_total")
        .help("Samples written through an ingest endpoint, by protocol.")
        .labelNames("protocol")
        .register(registry);
    requests = Counter.builder()
        .name("prometheus_http_requests_total")
        .help("Counter of HTTP requests.")
        .labelNames("code", "handler")
        .register(registry);
  }

  void remoteWriteSamples(long n) {
    ingested.labelValues("remote_write").inc(n);
  }

  void lineProtocolSamples(long n) {
    ingested.labelValues("influx_line_protocol").inc(n);
  }

  void request(String handler, int code) {
    requests.labelValues(Integer.toString(code), handler).inc();
  }
}
