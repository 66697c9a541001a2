package io.cairn.tsdb.storage;

import io.cairn.tsdb.model.Labels;
import java.io.IOException;

/**
 * Collects samples for one atomic commit, as Prometheus's {@code storage.Appender}.
 *
 * <p>Samples are checked as they are appended (a rejected sample throws and is not kept; the
 * appender stays usable), but they are neither durable nor visible to queries until {@link #commit}
 * returns. After {@code commit} or {@link #rollback} the appender must not be used again. Not
 * thread-safe: one appender per writer.
 */
public interface Appender {
  /**
   * Adds a sample to the series with {@code labels}.
   *
   * @param ref the series reference a previous {@code append} returned for these labels, or 0 when
   *     unknown; a stale or wrong ref is ignored and the labels are looked up
   * @param labels the series: any non-empty label set (a {@code __name__} is not required, as in
   *     Prometheus's head)
   * @return the series reference, to pass back next time for the same labels
   * @throws AppendException if the sample is refused (too old, out of order beyond the window,
   *     duplicate timestamp with a different value, series limit reached, invalid labels)
   */
  long append(long ref, Labels labels, long t, double v) throws AppendException;

  /**
   * {@code labels} as the storage keeps them: an equal label set that shares its labels' memory with
   * the series already stored (see {@code LabelInterner}). A caller that keeps a label set as long as
   * its series (a scrape cache) keeps this one instead of its own copy. The default returns {@code
   * labels}; implementations must return an equal label set and must not fail.
   */
  default Labels intern(Labels labels) {
    return labels;
  }

  /**
   * Writes the collected samples to the WAL, waits for the fsync, and makes them visible. When this
   * returns normally, the samples survive a crash.
   *
   * @throws IOException if the WAL write failed; nothing was committed
   */
  void commit() throws IOException;

  /** Drops the collected samples. */
  void rollback();
}
