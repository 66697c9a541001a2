package io.cairn.tsdb.chunkenc;

/**
 * Adds samples to the end of one chunk, as Prometheus's {@code chunkenc.Appender}.
 *
 * <p>The appender does not check order: callers (the head) append timestamps in increasing order,
 * which {@link ChunkIterator#seek} relies on. Any {@code long} timestamps still round-trip, since the
 * deltas are computed with wrap-around arithmetic as in Go.
 *
 * <p>Not thread-safe, and only the chunk's latest appender is valid: {@link Chunk#appender()} again
 * makes earlier appenders of that chunk throw {@link IllegalStateException}.
 */
public interface Appender {
  /**
   * Appends a sample; the value's exact bits are kept (NaN payloads, Prometheus's stale marker,
   * {@code -0.0}).
   *
   * @throws IllegalStateException if the chunk already holds {@link Chunk#MAX_SAMPLES} samples, or if
   *     a newer appender was obtained for the chunk
   */
  void append(long t, double v);
}
