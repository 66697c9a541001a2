package io.cairn.tsdb.chunkenc;

import io.cairn.tsdb.model.Sample;
import java.util.Optional;

/**
 * Decodes an {@link XorChunk}, as Prometheus's {@code xorIterator}; see {@link ChunkIterator} for
 * the contract. Each sample is decoded into locals and committed only when every read of it
 * succeeded, so {@link #at} stays on the last good sample after a failure.
 */
final class XorIterator implements ChunkIterator {
  private final BitReader br;
  private final int numTotal;
  private int numRead;
  private boolean finished;
  private CorruptChunkException failure;

  private long t = Long.MIN_VALUE;
  private long vBits; // raw bits of the value: NaN payloads survive
  private long tDelta;
  private int leading;
  private int trailing;

  /** Iterates the chunk in {@code buf[0, len)}; {@code len >= 2}. */
  XorIterator(byte[] buf, int len) {
    this.numTotal = (buf[0] & 0xff) << 8 | (buf[1] & 0xff);
    this.br = new BitReader(buf, XorChunk.HEADER_BYTES, len);
  }

  @Override
  public boolean next() {
    if (finished) {
      return false;
    }
    if (numRead == numTotal) {
      finished = true;
      return false;
    }
    if (!decodeNext()) {
      finished = true;
      failure =
          new CorruptChunkException(
              "corrupt XOR chunk: "
                  + br.failure()
                  + " in sample "
                  + (numRead + 1)
                  + " of "
                  + numTotal
                  + " (at bit "
                  + (br.position() - XorChunk.HEADER_BYTES * 8)
                  + " of "
                  + (br.limit() - XorChunk.HEADER_BYTES * 8)
                  + " after the header)");
      return false;
    }
    numRead++;
    return true;
  }

  private boolean decodeNext() {
    if (numRead == 0) {
      long first = br.readVarint();
      long bits = br.readBits(64);
      if (br.failed()) {
        return false;
      }
      t = first;
      vBits = bits;
      return true;
    }
    long delta;
    if (numRead == 1) {
      delta = br.readUvarint();
    } else {
      delta = tDelta + readDeltaOfDelta();
    }
    long bits = readValue();
    if (br.failed()) {
      return false;
    }
    tDelta = delta;
    t += delta;
    vBits = bits;
    return true;
  }

  /** The '0' / '10' / '110' / '1110' / '1111' prefix, then 0, 14, 17, 20 or 64 bits. */
  private long readDeltaOfDelta() {
    int prefix = 0;
    while (prefix < 4 && br.readBit()) {
      prefix++;
    }
    int size =
        switch (prefix) {
          case 0 -> 0;
          case 1 -> 14;
          case 2 -> 17;
          case 3 -> 20;
          default -> 64;
        };
    if (size == 0 || size == 64) {
      return br.readBits(size);
    }
    long raw = br.readBits(size);
    return raw > 1L << (size - 1) ? raw - (1L << size) : raw; // see XorAppender#fits
  }

  /** The next value's bits, updating the window (leading and trailing zero counts). */
  private long readValue() {
    if (!br.readBit()) {
      return vBits; // unchanged
    }
    if (br.readBit()) {
      int newLeading = (int) br.readBits(5);
      int sigbits = (int) br.readBits(6);
      if (sigbits == 0) {
        sigbits = 64; // 64 does not fit in 6 bits; 0 never occurs otherwise
      }
      if (newLeading + sigbits > 64) {
        br.fail("window of " + newLeading + " leading zeros and " + sigbits + " significant bits");
        return vBits;
      }
      leading = newLeading;
      trailing = 64 - newLeading - sigbits;
    }
    long xor = br.readBits(64 - leading - trailing);
    return vBits ^ (xor << trailing);
  }

  @Override
  public boolean seek(long target) {
    while (numRead == 0 || t < target) {
      if (!next()) {
        return false;
      }
    }
    return !finished;
  }

  @Override
  public Sample at() {
    return new Sample(t, Double.longBitsToDouble(vBits));
  }

  @Override
  public long atT() {
    return t;
  }

  @Override
  public double atV() {
    return Double.longBitsToDouble(vBits);
  }

  @Override
  public Optional<CorruptChunkException> err() {
    return Optional.ofNullable(failure);
  }

  CorruptChunkException failure() {
    return failure;
  }

  /** The absolute bit position after the samples read so far. */
  long bitPosition() {
    return br.position();
  }

  /** What an appender continuing after the samples read so far starts from. */
  XorAppender.State state() {
    return new XorAppender.State(numRead, t, vBits, tDelta, leading, trailing);
  }
}
