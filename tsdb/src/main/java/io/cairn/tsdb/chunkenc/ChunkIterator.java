package io.cairn.tsdb.chunkenc;

import io.cairn.tsdb.model.Sample;
import java.util.Optional;

/**
 * Walks a chunk's samples in order, as Prometheus's {@code chunkenc.Iterator}.
 *
 * <p>An iterator sees the samples the chunk held when it was created; samples appended later are not
 * visible to it, and appending does not disturb it. It never throws on bad data: a decoding failure
 * makes {@link #next} (or {@link #seek}) return {@code false} and is then reported by {@link #err}.
 * Once {@code next} or {@code seek} has returned {@code false}, for either reason, the iterator is
 * finished: both keep returning {@code false}, {@link #err} keeps its answer, and {@link #at} keeps
 * returning the last sample decoded successfully. Every call does a bounded amount of work: corrupt
 * input can neither make it loop forever nor read outside the chunk.
 *
 * <p>Not thread-safe. Reading a chunk that another thread appends to needs a happens-before edge
 * (a lock) between that append and the creation of the iterator.
 */
public interface ChunkIterator {
  /** Advances to the next sample; {@code false} at the end of the chunk or on corrupt data. */
  boolean next();

  /**
   * Advances to the first sample with a timestamp at or after {@code t} and returns {@code true}, or
   * returns {@code false} if there is none (or the data is corrupt). It never moves backwards: if the
   * current sample already qualifies it stays there. Before the first {@code next} it starts from the
   * first sample.
   */
  boolean seek(long t);

  /**
   * The current sample. Meaningful after {@code next} or {@code seek} returned {@code true}; before
   * that it is {@code (Long.MIN_VALUE, 0.0)}, after the end the last sample.
   */
  Sample at();

  /** The current sample's timestamp, as {@code at().t()} without allocating. */
  long atT();

  /** The current sample's value, as {@code at().v()} without allocating. */
  double atV();

  /** Why iteration stopped early, or empty if it did not (yet). */
  Optional<CorruptChunkException> err();
}
