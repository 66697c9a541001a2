package io.cairn.tsdb.chunkenc;

import java.util.Arrays;

/**
 * An append-only stream of bits, most significant bit of each byte first: Prometheus's
 * {@code bstream} (tsdb/chunkenc/bstream.go as of 2.42), reproduced operation for operation so that
 * chunks come out byte-identical.
 *
 * <p>The state is Prometheus's: {@code len} bytes in use and {@code count}, the free right-most bits
 * of the last byte (0 to 8). One quirk matters for byte compatibility: {@link #writeByte} always
 * appends a byte after the one it completes, so a write that ends exactly on a byte boundary through
 * {@code writeByte} leaves a trailing all-zero byte ({@code count == 8}), while one that ends through
 * {@link #writeBit} does not ({@code count == 0}). Prometheus 2.55 (PR 14854) dropped that byte;
 * 2.42, which cairn matches, keeps it.
 *
 * <p>Not thread-safe.
 */
final class BitWriter {
  private byte[] buf;
  private int len;
  private int count;

  private BitWriter(byte[] buf, int len, int count) {
    this.buf = buf;
    this.len = len;
    this.count = count;
  }

  /** A stream that starts with {@code headerBytes} zero bytes, all in use. */
  static BitWriter withHeader(int headerBytes, int capacity) {
    return new BitWriter(new byte[Math.max(headerBytes, capacity)], headerBytes, 0);
  }

  /**
   * A stream over {@code data} (taken over, not copied) whose first {@code usedBits} bits are data.
   * Whatever follows them is cleared; at most one trailing all-zero byte is kept, the one Prometheus
   * leaves after a {@link #writeByte} that ends on a byte boundary.
   */
  static BitWriter resume(byte[] data, int dataLen, long usedBits) {
    if (usedBits < 0 || usedBits > (long) dataLen * 8) {
      throw new IllegalArgumentException("used bits " + usedBits + " outside 0.." + dataLen * 8);
    }
    int len = dataLen;
    if ((long) len * 8 - usedBits > 8) {
      len = (int) ((usedBits + 7) / 8);
    }
    int count = (int) ((long) len * 8 - usedBits);
    if (count > 0) {
      data[len - 1] &= (byte) (0xff << count); // free bits must be zero: writes OR into them
    }
    return new BitWriter(data, len, count);
  }

  void writeBit(boolean bit) {
    if (count == 0) {
      appendZero();
      count = 8;
    }
    if (bit) {
      buf[len - 1] |= (byte) (1 << (count - 1));
    }
    count--;
  }

  void writeByte(int b) {
    if (count == 0) {
      appendZero();
      count = 8;
    }
    int v = b & 0xff;
    buf[len - 1] |= (byte) (v >>> (8 - count));
    appendZero();
    buf[len - 1] = (byte) (v << count); // count == 8 leaves the new byte empty, as in Go
  }

  /** Writes the {@code nbits} (0 to 64) right-most bits of {@code u}, left to right. */
  void writeBits(long u, int nbits) {
    if (nbits <= 0) {
      return;
    }
    u <<= 64 - nbits;
    while (nbits >= 8) {
      writeByte((int) (u >>> 56));
      u <<= 8;
      nbits -= 8;
    }
    while (nbits > 0) {
      writeBit(u < 0);
      u <<= 1;
      nbits--;
    }
  }

  /** Go's {@code binary.PutVarint}: zig-zag, then {@link #writeUvarint}. */
  void writeVarint(long x) {
    writeUvarint((x << 1) ^ (x >> 63));
  }

  /** Go's {@code binary.PutUvarint}: 7 bits a byte, least significant group first. */
  void writeUvarint(long x) {
    while (Long.compareUnsigned(x, 0x80) >= 0) {
      writeByte((int) (x & 0x7f) | 0x80);
      x >>>= 7;
    }
    writeByte((int) x);
  }

  void putShort(int offset, int value) {
    buf[offset] = (byte) (value >>> 8);
    buf[offset + 1] = (byte) value;
  }

  int getShort(int offset) {
    return (buf[offset] & 0xff) << 8 | (buf[offset + 1] & 0xff);
  }

  /** Bytes in use, the trailing empty byte included. */
  int length() {
    return len;
  }

  /** Bits written, header included. */
  long bitLength() {
    return (long) len * 8 - count;
  }

  /** The live buffer; bytes from {@link #length} on are not part of the stream. */
  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void appendZero() {
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, Math.max(16, buf.length * 2));
    }
    buf[len++] = 0;
  }
}
