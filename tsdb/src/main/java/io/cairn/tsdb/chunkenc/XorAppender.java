package io.cairn.tsdb.chunkenc;

/**
 * Encodes samples onto an {@link XorChunk}, as Prometheus's {@code xorAppender}; see
 * {@link Appender} for the contract. Every write mirrors Prometheus's sequence of {@code bstream}
 * calls, since the sequence (not only the bits) decides the chunk's length.
 */
final class XorAppender implements Appender {
  /** No window chosen yet: the next changed value picks one ({@code 0xff} in Prometheus). */
  static final int NO_WINDOW = 0xff;

  /** The encoder's state after some samples; what a reopened chunk's decoder recovers. */
  record State(int numSamples, long t, long vBits, long tDelta, int leading, int trailing) {}

  private final XorChunk chunk;
  private final int generation;
  private long t;
  private long vBits;
  private long tDelta;
  private int leading;
  private int trailing;

  XorAppender(XorChunk chunk, int generation, State state) {
    this.chunk = chunk;
    this.generation = generation;
    this.t = state.t();
    this.vBits = state.vBits();
    this.tDelta = state.tDelta();
    this.leading = state.numSamples() == 0 ? NO_WINDOW : state.leading();
    this.trailing = state.trailing();
  }

  @Override
  public void append(long t, double v) {
    if (!chunk.isCurrent(generation)) {
      throw new IllegalStateException("a newer appender was obtained for this chunk; use that one");
    }
    BitWriter b = chunk.stream();
    int num = b.getShort(0);
    if (num == Chunk.MAX_SAMPLES) {
      throw new IllegalStateException("chunk is full: " + Chunk.MAX_SAMPLES + " samples");
    }
    long bits = Double.doubleToRawLongBits(v);
    long delta = 0;
    if (num == 0) {
      b.writeVarint(t);
      b.writeBits(bits, 64);
    } else if (num == 1) {
      delta = t - this.t;
      b.writeUvarint(delta);
      writeValue(b, bits);
    } else {
      delta = t - this.t;
      long dod = delta - tDelta;
      if (dod == 0) {
        b.writeBit(false);
      } else if (fits(dod, 14)) {
        b.writeBits(0b10, 2);
        b.writeBits(dod, 14);
      } else if (fits(dod, 17)) {
        b.writeBits(0b110, 3);
        b.writeBits(dod, 17);
      } else if (fits(dod, 20)) {
        b.writeBits(0b1110, 4);
        b.writeBits(dod, 20);
      } else {
        b.writeBits(0b1111, 4);
        b.writeBits(dod, 64);
      }
      writeValue(b, bits);
    }
    this.t = t;
    this.vBits = bits;
    this.tDelta = delta;
    b.putShort(0, num + 1);
  }

  /**
   * Prometheus's {@code bitRange}: whether {@code x} is in {@code [-(2^(n-1) - 1), 2^(n-1)]}. The
   * range is shifted by one from two's complement: {@code 2^(n-1)} is written as its n low bits,
   * which the reader takes as positive, and {@code -2^(n-1)} is left to the next bucket.
   */
  static boolean fits(long x, int nbits) {
    long half = 1L << (nbits - 1);
    return -(half - 1) <= x && x <= half;
  }

  private void writeValue(BitWriter b, long bits) {
    long xor = bits ^ vBits;
    if (xor == 0) {
      b.writeBit(false);
      return;
    }
    b.writeBit(true);
    int newLeading = Math.min(Long.numberOfLeadingZeros(xor), 31); // 5 bits hold at most 31
    int newTrailing = Long.numberOfTrailingZeros(xor);
    if (leading != NO_WINDOW && newLeading >= leading && newTrailing >= trailing) {
      b.writeBit(false); // the value fits the current window
      b.writeBits(xor >>> trailing, 64 - leading - trailing);
      return;
    }
    leading = newLeading;
    trailing = newTrailing;
    b.writeBit(true);
    b.writeBits(newLeading, 5);
    int sigbits = 64 - newLeading - newTrailing;
    b.writeBits(sigbits, 6); // 64 comes out as 0: the low 6 bits
    b.writeBits(xor >>> newTrailing, sigbits);
  }
}
