package io.cairn.monitor.ingest.remotewrite;

import java.io.ByteArrayOutputStream;

/**
 * Snappy blocks written by hand from the format description (not by snappy-java), so that tests
 * check the decoder against the format rather than against the library's own encoder.
 */
final class HandSnappy {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Starts a block of {@code length} uncompressed bytes. */
  static HandSnappy block(int length) {
    HandSnappy s = new HandSnappy();
    s.varint(length);
    return s;
  }

  /** Literal elements of at most 60 bytes each (one tag byte: {@code (len-1)<<2 | 0}). */
  HandSnappy literal(byte[] data) {
    for (int i = 0; i < data.length; i += 60) {
      int n = Math.min(60, data.length - i);
      out.write((n - 1) << 2);
      out.write(data, i, n);
    }
    return this;
  }

  /** A copy with a 2-byte offset: tag {@code (len-1)<<2 | 2}, offset little-endian; len 1..64. */
  HandSnappy copy2(int offset, int length) {
    out.write(((length - 1) << 2) | 2);
    out.write(offset & 0xff);
    out.write((offset >>> 8) & 0xff);
    return this;
  }

  HandSnappy raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  byte[] build() {
    return out.toByteArray();
  }

  /** A whole block of literals. */
  static byte[] literalBlock(byte[] data) {
    return block(data.length).literal(data).build();
  }

  private void varint(long v) {
    while (v >= 0x80) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }
}
