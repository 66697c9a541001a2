package io.cairn.promql.storage;

/**
 * A cursor over one series' samples in time order. Before the first {@link #next} or {@link #seek}
 * it stands before the first sample; {@link #t} and {@link #v} are valid only after a call returned
 * true. Not thread-safe.
 */
public interface SampleIterator {
  /** Moves to the next sample; false when there is none (and stays at the end). */
  boolean next();

  /**
   * Moves to the first sample at or after {@code t}, staying put if the current sample already is;
   * never moves backwards. False when there is no such sample.
   */
  boolean seek(long t);

  /** The current sample's timestamp, milliseconds. */
  long t();

  /** The current sample's value (a stale marker has {@code Sample.STALE_NAN_BITS}). */
  double v();
}
