package io.cairn.promql.parser;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import java.util.Objects;

/**
 * A parsed test-script series description ({@code metric{l="v"} 1+2x3 _ stale}).
 *
 * @param labels the series, {@code __name__} included
 * @param values one entry per step; null where the step is omitted ({@code _}); the stale marker
 *     is {@link #STALE_NAN} (compare with {@link Double#doubleToRawLongBits})
 */
public record SeriesDescription(Labels labels, List<Double> values) {
  /** Prometheus's {@code value.StaleNaN}. */
  public static final double STALE_NAN = Double.longBitsToDouble(0x7ff0000000000002L);

  public SeriesDescription {
    Objects.requireNonNull(labels, "labels");
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }
}
