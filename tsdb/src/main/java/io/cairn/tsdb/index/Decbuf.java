package io.cairn.tsdb.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads a range {@code [pos, end)} of an index file, as Prometheus's {@code encoding.Decbuf}, but
 * throwing {@link CorruptIndexException} (naming the section and the absolute offset) on every read
 * past the range. Not thread-safe; cheap to create.
 */
final class Decbuf {
  private static final ValueLayout.OfInt BE32 =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
  private static final ValueLayout.OfLong BE64 =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

  private final MemorySegment file;
  private final String section;
  private long pos;
  private final long end;

  Decbuf(MemorySegment file, String section, long start, long end) {
    this.file = file;
    this.section = section;
    this.pos = start;
    this.end = end;
  }

  /**
   * The section at {@code offset} laid out as {@code len <4b> | len bytes | CRC32C <4b>}, checked;
   * the returned buffer covers the {@code len} bytes.
   */
  static Decbuf checkedSection(MemorySegment file, String section, long offset) throws CorruptIndexException {
    if (offset < 0 || offset > file.byteSize() - 8) {
      throw new CorruptIndexException(section, offset, "section start is outside the " + file.byteSize() + "-byte file");
    }
    long len = Integer.toUnsignedLong(file.get(BE32, offset));
    long start = offset + 4;
    if (len > file.byteSize() - start - 4) {
      throw new CorruptIndexException(section, offset, "length " + len + " runs past the end of the file");
    }
    verifyCrc(file, section, start, start + len);
    return new Decbuf(file, section, start, start + len);
  }

  /** Checks the CRC32C of {@code [from, to)} against the 4 bytes at {@code to}. */
  static void verifyCrc(MemorySegment file, String section, long from, long to) throws CorruptIndexException {
    CRC32C crc = new CRC32C();
    crc.update(file.asSlice(from, to - from).asByteBuffer());
    int want = file.get(BE32, to);
    if ((int) crc.getValue() != want) {
      throw new CorruptIndexException(section, to, String.format(
          "checksum mismatch: stored %08x, computed %08x over bytes %d..%d", want, (int) crc.getValue(), from, to));
    }
  }

  long position() {
    return pos;
  }

  long remaining() {
    return end - pos;
  }

  String section() {
    return section;
  }

  private void need(long n, String what) throws CorruptIndexException {
    if (n > end - pos) {
      throw error(what + " is cut off (" + (end - pos) + " bytes left in the section)");
    }
  }

  CorruptIndexException error(String reason) {
    return new CorruptIndexException(section, pos, reason);
  }

  int readByte() throws CorruptIndexException {
    need(1, "a byte");
    return file.get(ValueLayout.JAVA_BYTE, pos++) & 0xff;
  }

  int be32() throws CorruptIndexException {
    need(4, "a 4-byte integer");
    int v = file.get(BE32, pos);
    pos += 4;
    return v;
  }

  long be64() throws CorruptIndexException {
    need(8, "an 8-byte integer");
    long v = file.get(BE64, pos);
    pos += 8;
    return v;
  }

  /** Go's {@code binary.Uvarint}: at most 10 bytes, the 10th at most 1. */
  long uvarint() throws CorruptIndexException {
    long start = pos;
    long v = 0;
    for (int shift = 0, i = 0; ; shift += 7, i++) {
      if (pos >= end) {
        throw new CorruptIndexException(section, start, "varint is cut off");
      }
      int b = file.get(ValueLayout.JAVA_BYTE, pos++) & 0xff;
      if (i == 9 && b > 1) {
        throw new CorruptIndexException(section, start, "varint overflows 64 bits");
      }
      if (b < 0x80) {
        return v | ((long) b << shift);
      }
      v |= (long) (b & 0x7f) << shift;
    }
  }

  long varint() throws CorruptIndexException {
    long u = uvarint();
    return (u >>> 1) ^ -(u & 1);
  }

  /** A uvarint that must be at most {@code max}, as an int. */
  int uvarintAtMost(long max, String what) throws CorruptIndexException {
    long start = pos;
    long v = uvarint();
    if (Long.compareUnsigned(v, max) > 0) {
      throw new CorruptIndexException(section, start, what + " " + Long.toUnsignedString(v) + " exceeds " + max);
    }
    return (int) v;
  }

  String uvarintStr() throws CorruptIndexException {
    int n = uvarintAtMost(Math.min(remaining(), Integer.MAX_VALUE), "string length");
    byte[] b = file.asSlice(pos, n).toArray(ValueLayout.JAVA_BYTE);
    pos += n;
    return new String(b, StandardCharsets.UTF_8);
  }

  void skip(long n) throws CorruptIndexException {
    need(n, n + " bytes");
    pos += n;
  }
}
