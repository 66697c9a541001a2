package io.cairn.monitor.scrape;

import io.cairn.monitor.textparse.MetricType;
import java.util.Objects;

/**
 * What a target's last scrapes said about one metric family, as Prometheus's {@code
 * scrape.MetricMetadata}: from {@code # TYPE}, {@code # HELP} and (OpenMetrics) {@code # UNIT}
 * lines.
 *
 * @param metric the family name as the TYPE/HELP/UNIT line spells it ({@code http_requests}, not
 *     {@code http_requests_total}, when the exposition names the family so)
 * @param type {@link MetricType#UNKNOWN} when only HELP or UNIT was seen
 * @param help "" when none was seen
 * @param unit "" when none was seen
 */
public record MetricMetadata(String metric, MetricType type, String help, String unit) {
  public MetricMetadata {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(unit, "unit");
  }
}
