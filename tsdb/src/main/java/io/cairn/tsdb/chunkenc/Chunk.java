package io.cairn.tsdb.chunkenc;

/**
 * A compressed run of samples of one series, as Prometheus's {@code chunkenc.Chunk}: its bytes are
 * what Prometheus stores in chunk files and head chunks for the same samples.
 *
 * <p>Chunks are not thread-safe. One thread appends (through the latest {@link #appender()});
 * reading concurrently with appends needs external synchronization (see {@link ChunkIterator}).
 */
public sealed interface Chunk permits XorChunk {
  /** The most samples a chunk can hold: its header counts them in 16 bits. */
  int MAX_SAMPLES = 0xffff;

  Encoding encoding();

  /** A copy of the chunk's bytes: the 2-byte big-endian sample count, then the samples. */
  byte[] bytes();

  /** The number of samples, from the header. */
  int numSamples();

  /**
   * An appender that continues the chunk, set up by decoding the samples already in it (as
   * Prometheus's {@code Appender()}). Obtaining it invalidates any earlier appender of this chunk.
   *
   * @throws CorruptChunkException if the existing samples do not decode
   */
  Appender appender() throws CorruptChunkException;

  /** An iterator over the samples present now. */
  ChunkIterator iterator();

  /**
   * The chunk stored in {@code data} (copied), as Prometheus's {@code chunkenc.FromData}. Nothing is
   * decoded yet: corrupt data shows up in iterators' {@link ChunkIterator#err} and in
   * {@link #appender()}.
   *
   * @throws IllegalArgumentException if the encoding is not one cairn reads, or the data is shorter
   *     than the 2-byte header
   */
  static Chunk fromBytes(Encoding encoding, byte[] data) {
    return switch (encoding) {
      case XOR -> XorChunk.fromBytes(data);
      case NONE -> throw new IllegalArgumentException("no chunk has encoding " + encoding);
    };
  }
}
