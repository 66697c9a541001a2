package io.cairn.monitor.scrape;

import java.util.Objects;

/**
 * The job-level settings every target of a scrape config shares, besides interval and timeout
 * (which relabelling may change per target, so they live on {@link ScrapeTarget}).
 *
 * @param honorLabels {@code honor_labels}: on a clash the scraped label wins (true) or is renamed
 *     {@code exported_<name>} and the target's label wins (false, Prometheus's default)
 * @param honorTimestamps {@code honor_timestamps}: keep exposed timestamps (true, the default) or
 *     stamp every sample with the scrape time
 * @param limits sample and label limits and {@code body_size_limit}
 * @param metricRelabeling {@code metric_relabel_configs}
 * @param http how to fetch
 */
public record ScrapeSettings(
    boolean honorLabels, boolean honorTimestamps, ScrapeLimits limits, MetricRelabeling metricRelabeling, HttpSettings http) {
  /** Prometheus's defaults: honor_labels false, honor_timestamps true, no limits, no relabelling. */
  public static final ScrapeSettings DEFAULT =
      new ScrapeSettings(false, true, ScrapeLimits.NONE, MetricRelabeling.NONE, HttpSettings.DEFAULT);

  public ScrapeSettings {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(metricRelabeling, "metricRelabeling");
    Objects.requireNonNull(http, "http");
  }

  public ScrapeSettings withHonorLabels(boolean v) {
    return new ScrapeSettings(v, honorTimestamps, limits, metricRelabeling, http);
  }

  public ScrapeSettings withHonorTimestamps(boolean v) {
    return new ScrapeSettings(honorLabels, v, limits, metricRelabeling, http);
  }

  public ScrapeSettings withLimits(ScrapeLimits v) {
    return new ScrapeSettings(honorLabels, honorTimestamps, v, metricRelabeling, http);
  }

  public ScrapeSettings withMetricRelabeling(MetricRelabeling v) {
    return new ScrapeSettings(honorLabels, honorTimestamps, limits, v, http);
  }

  public ScrapeSettings withHttp(HttpSettings v) {
    return new ScrapeSettings(honorLabels, honorTimestamps, limits, metricRelabeling, v);
  }

  /** Whether a loop's series cache stays valid under {@code other}: same mapping from exposed to stored labels. */
  boolean sameSeriesMapping(ScrapeSettings other) {
    return honorLabels == other.honorLabels && metricRelabeling.equals(other.metricRelabeling);
  }
}
