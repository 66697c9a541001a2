package io.cairn.monitor.scrape;

import java.util.List;
import java.util.Optional;

/**
 * A target's metric metadata, read live from its scrape cache (for {@code /api/v1/metadata} and
 * {@code /api/v1/targets/metadata}). Safe to call from any thread; answers reflect the scrapes
 * finished or in progress at the time of the call.
 */
public interface TargetMetadata {
  /** No metadata (a target not yet scraped). */
  TargetMetadata NONE = new TargetMetadata() {
    @Override
    public List<MetricMetadata> list() {
      return List.of();
    }

    @Override
    public Optional<MetricMetadata> get(String metric) {
      return Optional.empty();
    }
  };

  /** Every family's metadata, in no particular order (Prometheus's is a map's order). */
  List<MetricMetadata> list();

  /** One family's metadata. */
  Optional<MetricMetadata> get(String metric);
}
