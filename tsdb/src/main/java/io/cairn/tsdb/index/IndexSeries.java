package io.cairn.tsdb.index;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import java.util.Objects;

/** A series as the index holds it: labels and its chunks, sorted by time and not overlapping. */
public record IndexSeries(Labels labels, List<SeriesChunk> chunks) {
  public IndexSeries {
    Objects.requireNonNull(labels, "labels");
    chunks = List.copyOf(chunks);
  }
}
