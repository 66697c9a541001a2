package io.cairn.tsdb.wal;

import java.util.zip.CRC32C;

/**
 * The constants of the segment format (Prometheus 2.42's {@code tsdb/wlog}): 32 KiB pages, 7-byte
 * fragment headers (type byte, 2-byte big-endian length, 4-byte big-endian CRC32C of the data).
 */
final class Format {
  static final int PAGE_SIZE = 32 * 1024;
  static final int HEADER_SIZE = 7;
  /** The most data one fragment can carry: a page minus its header. */
  static final int MAX_FRAGMENT = PAGE_SIZE - HEADER_SIZE;
  static final int DEFAULT_SEGMENT_SIZE = 128 * 1024 * 1024;
  static final int MAX_SEGMENT_SIZE = 1024 * 1024 * 1024;
  static final int MAX_RECORD_SIZE = 64 * 1024 * 1024;

  /** Type byte 0: the rest of the page is zero padding. */
  static final int PAGE_TERM = 0;
  static final int FULL = 1;
  static final int FIRST = 2;
  static final int MIDDLE = 3;
  static final int LAST = 4;
  /** The low three bits of the type byte hold the fragment type; the others are flags (compression). */
  static final int TYPE_MASK = 0x07;

  private Format() {}

  static int crc32c(byte[] b, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(b, off, len);
    return (int) crc.getValue();
  }

  static String typeName(int type) {
    return switch (type) {
      case PAGE_TERM -> "padding";
      case FULL -> "full";
      case FIRST -> "first";
      case MIDDLE -> "middle";
      case LAST -> "last";
      default -> "invalid(" + type + ")";
    };
  }

  static void putHeader(byte[] b, int at, int type, int length, int crc) {
    b[at] = (byte) type;
    b[at + 1] = (byte) (length >>> 8);
    b[at + 2] = (byte) length;
    b[at + 3] = (byte) (crc >>> 24);
    b[at + 4] = (byte) (crc >>> 16);
    b[at + 5] = (byte) (crc >>> 8);
    b[at + 6] = (byte) crc;
  }

  static int length(byte[] b, int header) {
    return ((b[header + 1] & 0xff) << 8) | (b[header + 2] & 0xff);
  }

  static int crc(byte[] b, int header) {
    return ((b[header + 3] & 0xff) << 24)
        | ((b[header + 4] & 0xff) << 16)
        | ((b[header + 5] & 0xff) << 8)
        | (b[header + 6] & 0xff);
  }
}
