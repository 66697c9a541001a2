package io.cairn.tsdb.wal;

import java.util.Arrays;

/** Appends big-endian integers and Go-style varints to a growing array (Prometheus's {@code Encbuf}). */
final class ByteEncoder {
  private byte[] buf;
  private int len;

  ByteEncoder(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  void putByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  void putBe64(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[len++] = (byte) (v >>> shift);
    }
  }

  /** Go's {@code binary.PutUvarint}: 7 bits per byte, low bits first, high bit set on all but the last. */
  void putUvarint(long v) {
    ensure(10);
    while ((v & ~0x7fL) != 0) {
      buf[len++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** Go's {@code binary.PutVarint}: zig-zag, then uvarint. */
  void putVarint(long v) {
    putUvarint((v << 1) ^ (v >> 63));
  }

  void putUvarintBytes(byte[] b) {
    putUvarint(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }
}
