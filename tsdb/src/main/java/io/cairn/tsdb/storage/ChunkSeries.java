package io.cairn.tsdb.storage;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import java.util.Objects;

/**
 * A series and its chunks, sorted by {@code minTime}. Chunks may overlap (out-of-order data, or the
 * same series in two blocks); {@link SeriesSamples} merges them, the later source winning on equal
 * timestamps. The list is immutable.
 */
public record ChunkSeries(Labels labels, List<ChunkMeta> chunks) {
  public ChunkSeries {
    Objects.requireNonNull(labels, "labels");
    chunks = List.copyOf(chunks);
  }
}
