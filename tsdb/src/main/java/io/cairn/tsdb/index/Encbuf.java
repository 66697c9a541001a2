package io.cairn.tsdb.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** A growable byte buffer with Prometheus's {@code encoding.Encbuf} put methods. Not thread-safe. */
final class Encbuf {
  private byte[] buf;
  private int len;

  Encbuf(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  void reset() {
    len = 0;
  }

  int length() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) len + n);
      if (want > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("index section exceeds 2 GiB, more than cairn's writer builds in memory");
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }

  void putByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  void putBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  void putBe32(int v) {
    ensure(4);
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  void putBe64(long v) {
    putBe32((int) (v >>> 32));
    putBe32((int) v);
  }

  /** Go's {@code binary.PutUvarint}. */
  void putUvarint(long v) {
    ensure(10);
    while (Long.compareUnsigned(v, 0x80) >= 0) {
      buf[len++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** Go's {@code binary.PutVarint}: zig-zag, then uvarint. */
  void putVarint(long v) {
    putUvarint((v << 1) ^ (v >> 63));
  }

  void putUvarintStr(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putUvarint(b.length);
    putBytes(b);
  }

  /** The CRC32C of bytes {@code [from, len)}. */
  int crc(int from) {
    CRC32C c = new CRC32C();
    c.update(buf, from, len - from);
    return (int) c.getValue();
  }
}
