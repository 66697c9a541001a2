package io.cairn.monitor.textparse;

import io.cairn.tsdb.model.Labels;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An OpenMetrics exemplar ({@code # {trace_id="abc"} 0.5 1520879607.789}) of a {@code _total} or
 * {@code _bucket} series. The parser does not enforce OpenMetrics' 128-character bound on the label
 * set; Prometheus 2.42 enforces it when storing exemplars, not when parsing.
 *
 * @param labels the exemplar's labels (often empty), with no metric name
 * @param value the exemplar's value (NaN normalised as for series)
 * @param timestampMillis the timestamp in milliseconds (seconds × 1000, truncated), if present
 */
public record Exemplar(Labels labels, double value, OptionalLong timestampMillis) {
  public Exemplar {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(timestampMillis, "timestampMillis");
  }
}
