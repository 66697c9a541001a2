package io.cairn.tsdb.chunkenc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads bits, most significant first, from a byte range: the reading side of {@link BitWriter}.
 *
 * <p>Every read is bounds-checked and none throws. Reading past the end (or a varint that overflows
 * 64 bits) makes the reader <em>failed</em>: {@link #failure} says why, and from then on every read
 * returns zero without moving. Callers decode a whole sample and then check {@link #failed} once.
 * Bits of the array outside the range are never returned, so a writer may keep appending to the
 * array beyond the range while this reader works (under the chunk's threading contract).
 *
 * <p>Not thread-safe.
 */
final class BitReader {
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] buf;
  private final long limit; // in bits, absolute
  private long pos; // in bits, absolute
  private String failure;

  /** Reads bytes {@code [from, to)} of {@code buf}. */
  BitReader(byte[] buf, int from, int to) {
    if (from < 0 || from > to || to > buf.length) {
      throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + buf.length);
    }
    this.buf = buf;
    this.pos = (long) from * 8;
    this.limit = (long) to * 8;
  }

  boolean readBit() {
    if (failure != null || pos >= limit) {
      fail("unexpected end of data");
      return false;
    }
    int b = buf[(int) (pos >>> 3)] >> (7 - (int) (pos & 7));
    pos++;
    return (b & 1) != 0;
  }

  /** The next {@code n} (1 to 64) bits as the right-most bits of the result. */
  long readBits(int n) {
    if (n == 0) {
      return 0;
    }
    if (failure != null || n > limit - pos) {
      fail("unexpected end of data");
      return 0;
    }
    int idx = (int) (pos >>> 3);
    int off = (int) (pos & 7);
    long w = idx + 8 <= buf.length ? (long) LONG_BE.get(buf, idx) : loadTail(idx);
    long v = (w << off) >>> (64 - n);
    int over = off + n - 64;
    if (over > 0) { // the bits straddle nine bytes; the ninth is inside the range
      v |= (buf[idx + 8] & 0xff) >>> (8 - over);
    }
    pos += n;
    return v;
  }

  int readByte() {
    return (int) readBits(8);
  }

  /**
   * Go's {@code binary.ReadUvarint}: at most 10 bytes, the 10th at most 1; longer or larger is an
   * overflow and fails the reader.
   */
  long readUvarint() {
    long x = 0;
    int s = 0;
    for (int i = 0; i < 10; i++) {
      int b = readByte();
      if (failure != null) {
        return 0;
      }
      if (b < 0x80) {
        if (i == 9 && b > 1) {
          break;
        }
        return x | (long) b << s;
      }
      x |= (long) (b & 0x7f) << s;
      s += 7;
    }
    fail("varint overflows 64 bits");
    return 0;
  }

  /** Go's {@code binary.ReadVarint}: {@link #readUvarint} then zig-zag decoding. */
  long readVarint() {
    long ux = readUvarint();
    return (ux >>> 1) ^ -(ux & 1);
  }

  /** Marks the stream corrupt (the first reason wins). */
  void fail(String why) {
    if (failure == null) {
      failure = why;
    }
  }

  boolean failed() {
    return failure != null;
  }

  /** Why reading failed, or null. */
  String failure() {
    return failure;
  }

  /** The absolute bit position of the next read. */
  long position() {
    return pos;
  }

  /** The absolute bit position of the end of the range. */
  long limit() {
    return limit;
  }

  private long loadTail(int idx) {
    long w = 0;
    for (int i = 0; i < 8; i++) {
      w <<= 8;
      if (idx + i < buf.length) {
        w |= buf[idx + i] & 0xff;
      }
    }
    return w;
  }
}
