package io.cairn.promql.engine;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import java.util.Objects;

/** One series of a matrix: labels and points in increasing time order (never empty). Immutable. */
public record RangeSeries(Labels labels, List<Point> points) {
  public RangeSeries {
    Objects.requireNonNull(labels, "labels");
    points = List.copyOf(points);
  }
}
