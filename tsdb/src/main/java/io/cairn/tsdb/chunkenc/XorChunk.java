package io.cairn.tsdb.chunkenc;

/**
 * Float samples compressed as in Facebook's Gorilla paper, byte-compatible with Prometheus 2.42's
 * {@code XORChunk}: timestamps as deltas of deltas in 1, 16, 20, 24 or 68 bits, values as the XOR
 * with the previous value, trimmed of leading and trailing zero bits. The layout is written down in
 * {@code docs/formats/tsdb-chunks.md}.
 *
 * <p>Not thread-safe: see {@link Chunk}. The same samples appended in the same order give the same
 * bytes as Prometheus, including the all-zero byte Prometheus 2.42 sometimes leaves at the end.
 */
public final class XorChunk implements Chunk {
  static final int HEADER_BYTES = 2;
  private static final int INITIAL_CAPACITY = 128; // as Prometheus's NewXORChunk

  private BitWriter stream;
  private int appenderGeneration;

  private XorChunk(BitWriter stream) {
    this.stream = stream;
  }

  /** A new, empty chunk. */
  public XorChunk() {
    this(BitWriter.withHeader(HEADER_BYTES, INITIAL_CAPACITY));
  }

  /**
   * The chunk stored in {@code data} (copied; later changes to {@code data} do not show). Nothing is
   * decoded until an iterator or {@link #appender()} reads it.
   *
   * @throws IllegalArgumentException if {@code data} is shorter than the 2-byte header
   */
  public static XorChunk fromBytes(byte[] data) {
    if (data.length < HEADER_BYTES) {
      throw new IllegalArgumentException(
          "an XOR chunk has at least 2 bytes (its sample count), got " + data.length);
    }
    byte[] copy = data.clone();
    return new XorChunk(BitWriter.resume(copy, copy.length, (long) copy.length * 8));
  }

  @Override
  public Encoding encoding() {
    return Encoding.XOR;
  }

  @Override
  public byte[] bytes() {
    return stream.toByteArray();
  }

  @Override
  public int numSamples() {
    return stream.getShort(0);
  }

  /**
   * {@inheritDoc}
   *
   * <p>As in Prometheus, the appender takes the decoder's state after the last sample. One visible
   * consequence, kept for byte compatibility: until some value differed from its predecessor, a
   * reopened chunk writes the next changed value with a full 64-bit window where a fresh appender
   * would have chosen a tight one. Both decode the same. The write position is restored to the bit
   * after the last sample; bytes after it (other than Prometheus's one trailing zero byte) are
   * dropped.
   */
  @Override
  public Appender appender() throws CorruptChunkException {
    XorIterator it = new XorIterator(stream.array(), stream.length());
    while (it.next()) {
      // decode to the end to learn the encoder's state
    }
    if (it.failure() != null) {
      throw it.failure();
    }
    stream = BitWriter.resume(stream.array(), stream.length(), it.bitPosition());
    appenderGeneration++;
    return new XorAppender(this, appenderGeneration, it.state());
  }

  @Override
  public ChunkIterator iterator() {
    return new XorIterator(stream.array(), stream.length());
  }

  BitWriter stream() {
    return stream;
  }

  boolean isCurrent(int generation) {
    return generation == appenderGeneration;
  }

  @Override
  public String toString() {
    return "XorChunk[" + numSamples() + " samples, " + stream.length() + " bytes]";
  }
}
