package io.cairn.monitor.scrape;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The scrape manager's own metrics, under Prometheus 2.42's names; registered once per registry. */
final class ScrapeMetrics {
  final Summary intervalLength;
  final Counter exceededSampleLimit;
  final Counter exceededLabelLimits;
  final Gauge poolTargets;
  final Counter outOfOrder;
  final Counter duplicate;
  final Counter outOfBounds;
  final Summary syncLength;

  ScrapeMetrics(PrometheusRegistry registry) {
    intervalLength = quantiles(Summary.builder())
        .name("prometheus_target_interval_length_seconds")
        .help("Actual intervals between scrapes.")
        .labelNames("interval")
        .register(registry);
    exceededSampleLimit = Counter.builder()
        .name("prometheus_target_scrapes_exceeded_sample_limit_total")
        .help("Total number of scrapes that hit the sample limit and were rejected.")
        .register(registry);
    exceededLabelLimits = Counter.builder()
        .name("prometheus_target_scrape_pool_exceeded_label_limits_total")
        .help("Total number of times scrape pools hit the label limits, during sync or config reload.")
        .register(registry);
    poolTargets = Gauge.builder()
        .name("prometheus_target_scrape_pool_targets")
        .help("Current number of targets in this scrape pool.")
        .labelNames("scrape_job")
        .register(registry);
    outOfOrder = Counter.builder()
        .name("prometheus_target_scrapes_sample_out_of_order_total")
        .help("Total number of samples rejected due to not being out of the expected order.")
        .register(registry);
    duplicate = Counter.builder()
        .name("prometheus_target_scrapes_sample_duplicate_timestamp_total")
        .help("Total number of samples rejected due to duplicate timestamps but different values.")
        .register(registry);
    outOfBounds = Counter.builder()
        .name("prometheus_target_scrapes_sample_out_of_bounds_total")
        .help("Total number of samples rejected due to timestamp falling outside of the time bounds.")
        .register(registry);
    syncLength = quantiles(Summary.builder())
        .name("prometheus_target_sync_length_seconds")
        .help("Actual interval to sync the scrape pool.")
        .labelNames("scrape_job")
        .register(registry);
  }

  private static Summary.Builder quantiles(Summary.Builder b) {
    return b.quantile(0.01, 0.001).quantile(0.05, 0.005).quantile(0.5, 0.05).quantile(0.9, 0.01).quantile(0.99, 0.001);
  }
}
