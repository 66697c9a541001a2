package io.cairn.promql.engine;

import io.cairn.tsdb.model.Labels;
import java.util.Objects;

/** One element of an instant vector: a series' labels, a timestamp (ms) and a value. Immutable. */
public record Sample(Labels labels, long t, double v) {
  public Sample {
    Objects.requireNonNull(labels, "labels");
  }
}
