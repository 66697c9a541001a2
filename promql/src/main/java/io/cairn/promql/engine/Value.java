package io.cairn.promql.engine;

import java.util.List;
import java.util.Objects;

/** The result of a query, as Prometheus's {@code parser.Value}. All implementations are immutable. */
public sealed interface Value {
  /** A number at the evaluation time. */
  record Scalar(long t, double v) implements Value {}

  /** A string at the evaluation time. */
  record StringValue(long t, String v) implements Value {
    public StringValue {
      Objects.requireNonNull(v, "v");
    }
  }

  /**
   * An instant vector. Order is the engine's (Prometheus's): not sorted unless the query used
   * {@code sort}/{@code sort_desc} or an order-preserving aggregation such as {@code topk}. Empty
   * means no series had a value.
   */
  record Vector(List<Sample> samples) implements Value {
    public Vector {
      samples = List.copyOf(samples);
    }
  }

  /** A range vector or range-query result; range-query results are sorted by labels. */
  record Matrix(List<RangeSeries> series) implements Value {
    public Matrix {
      series = List.copyOf(series);
    }
  }
}
