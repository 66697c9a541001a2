package io.cairn.monitor.notifier;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.DoubleSupplier;

/**
 * The notifier's metrics under Prometheus 2.42's names and help texts (checked against the real
 * server's {@code /metrics}). Prometheus 2.42 has no {@code prometheus_notifications_total}; neither
 * has cairn. Per-Alertmanager series are labelled {@code alertmanager="<url>"}.
 */
final class NotifierMetrics {
  final Summary latency;
  final Counter errors;
  final Counter sent;
  final Counter dropped;

  NotifierMetrics(PrometheusRegistry registry, int capacity, DoubleSupplier queueLength, DoubleSupplier discovered) {
    latency = Summary.builder()
        .name("prometheus_notifications_latency_seconds")
        .help("Latency quantiles for sending alert notifications.")
        .quantile(0.5, 0.05).quantile(0.9, 0.01).quantile(0.99, 0.001)
        .labelNames("alertmanager")
        .register(registry);
    errors = Counter.builder()
        .name("prometheus_notifications_errors_total")
        .help("Total number of errors sending alert notifications.")
        .labelNames("alertmanager")
        .register(registry);
    sent = Counter.builder()
        .name("prometheus_notifications_sent_total")
        .help("Total number of alerts sent.")
        .labelNames("alertmanager")
        .register(registry);
    dropped = Counter.builder()
        .name("prometheus_notifications_dropped_total")
        .help("Total number of alerts dropped due to errors when sending to Alertmanager.")
        .register(registry);
    GaugeWithCallback.builder()
        .name("prometheus_notifications_queue_length")
        .help("The number of alert notifications in the queue.")
        .callback(cb -> cb.call(queueLength.getAsDouble()))
        .register(registry);
    Gauge cap = Gauge.builder()
        .name("prometheus_notifications_queue_capacity")
        .help("The capacity of the alert notifications queue.")
        .register(registry);
    cap.set(capacity);
    GaugeWithCallback.builder()
        .name("prometheus_notifications_alertmanagers_discovered")
        .help("The number of alertmanagers discovered and active.")
        .callback(cb -> cb.call(discovered.getAsDouble()))
        .register(registry);
  }

  /** Makes an Alertmanager's counters exist at 0, as Prometheus does when it discovers one. */
  void discovered(String url) {
    errors.labelValues(url);
    sent.labelValues(url);
  }
}
