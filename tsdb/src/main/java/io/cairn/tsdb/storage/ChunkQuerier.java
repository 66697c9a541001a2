package io.cairn.tsdb.storage;

import io.cairn.tsdb.model.Matcher;
import java.io.IOException;
import java.util.List;

/**
 * Reads series over a time range, as Prometheus's {@code storage.ChunkQuerier}. Thread-safe; a
 * result is a snapshot (later appends do not change it).
 */
public interface ChunkQuerier {
  /**
   * The series matching every matcher that have at least one chunk overlapping {@code [mint, maxt]}
   * (inclusive), sorted by labels; only the overlapping chunks are returned (their samples may still
   * reach outside the range). An empty matcher list selects every series. Matchers that all match
   * the empty string are allowed (Prometheus's API refuses them; that is the caller's check).
   */
  List<ChunkSeries> select(long mint, long maxt, List<Matcher> matchers) throws IOException;

  /** Sorted, distinct label names of the series with data in {@code [mint, maxt]}. */
  List<String> labelNames(long mint, long maxt) throws IOException;

  /** Sorted, distinct values of {@code name} among the series with data in {@code [mint, maxt]}. */
  List<String> labelValues(String name, long mint, long maxt) throws IOException;
}
