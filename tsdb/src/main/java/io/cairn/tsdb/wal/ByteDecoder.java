package io.cairn.tsdb.wal;

/**
 * Reads what {@link ByteEncoder} writes, refusing anything out of bounds with a {@link
 * RecordFormatException} that names the byte offset (Prometheus's {@code Decbuf}).
 */
final class ByteDecoder {
  private final byte[] buf;
  private int pos;

  ByteDecoder(byte[] buf) {
    this.buf = buf;
  }

  int remaining() {
    return buf.length - pos;
  }

  int position() {
    return pos;
  }

  int readByte() {
    need(1, "a byte");
    return buf[pos++] & 0xff;
  }

  long be64() {
    need(8, "an 8-byte integer");
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xff);
    }
    return v;
  }

  /** Go's {@code binary.Uvarint}: at most 10 bytes, and the 10th at most 1. */
  long uvarint() {
    int start = pos;
    long v = 0;
    for (int shift = 0, i = 0; ; shift += 7, i++) {
      if (pos >= buf.length) {
        throw error(start, "varint is cut off");
      }
      int b = buf[pos++] & 0xff;
      if (i == 9 && b > 1) {
        throw error(start, "varint overflows 64 bits");
      }
      if (b < 0x80) {
        return v | ((long) b << shift);
      }
      v |= (long) (b & 0x7f) << shift;
    }
  }

  long varint() {
    long u = uvarint();
    return (u >>> 1) ^ -(u & 1);
  }

  /** A uvarint length, then that many bytes. */
  byte[] uvarintBytes() {
    int start = pos;
    long n = uvarint();
    if (n > remaining()) {
      throw error(start, "length " + Long.toUnsignedString(n) + " runs past the end of the record");
    }
    byte[] out = new byte[(int) n];
    System.arraycopy(buf, pos, out, 0, out.length);
    pos += out.length;
    return out;
  }

  RecordFormatException error(int at, String what) {
    return new RecordFormatException(what + " at byte " + at + " of a " + buf.length + "-byte record");
  }

  private void need(int n, String what) {
    if (remaining() < n) {
      throw error(pos, what + " is cut off");
    }
  }
}
