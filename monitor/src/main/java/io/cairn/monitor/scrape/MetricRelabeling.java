package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Labels;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A target's {@code metric_relabel_configs} as a function: it gets each scraped series' labels
 * (target labels already attached) and returns the labels to store, or null to drop the series.
 *
 * <p>Equality is by {@code key} only (the configuration the function was built from, e.g. the list
 * of relabel config records), so that a reload with unchanged configuration keeps the scrape loops
 * running although the glue builds a new lambda each time.
 *
 * @param key what the function was built from; equal keys promise equal functions
 * @param function the relabelling; null result = drop
 */
public record MetricRelabeling(Object key, UnaryOperator<Labels> function) {
  /** No {@code metric_relabel_configs}: every series is kept as it is. */
  public static final MetricRelabeling NONE = new MetricRelabeling("none", UnaryOperator.identity());

  public MetricRelabeling {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(function, "function");
  }

  /** The relabelled labels, or null if the series is dropped. */
  Labels apply(Labels labels) {
    return this == NONE ? labels : function.apply(labels);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricRelabeling m && key.equals(m.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "MetricRelabeling[" + key + "]";
  }
}
