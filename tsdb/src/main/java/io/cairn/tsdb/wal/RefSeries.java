package io.cairn.tsdb.wal;

import io.cairn.tsdb.model.Labels;
import java.util.Objects;

/**
 * A series record entry: the head's series reference (an unsigned 64-bit number held in a long) and
 * the series' labels.
 */
public record RefSeries(long ref, Labels labels) {
  public RefSeries {
    Objects.requireNonNull(labels, "labels");
  }
}
