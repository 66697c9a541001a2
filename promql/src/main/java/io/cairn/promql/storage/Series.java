package io.cairn.promql.storage;

import io.cairn.tsdb.model.Labels;
import java.io.IOException;

/** One selected series: its labels, and its samples in the selected range on demand. */
public interface Series {
  Labels labels();

  /**
   * A new iterator over the series' samples in the selected range, in time order, one per timestamp.
   * Each call starts from the beginning; iterators are not thread-safe.
   *
   * @throws IOException if the samples cannot be decoded
   */
  SampleIterator iterator() throws IOException;
}
