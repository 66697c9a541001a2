package io.cairn.kv.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keys and value encodings of the META bucket (see the package documentation for the format).
 * Integers are 8-byte big-endian; compaction marks are revision bytes, as in etcd.
 */
final class Meta {
  /** The storage format this code writes and reads. */
  static final long FORMAT_VERSION = 1;

  static final byte[] STORAGE_FORMAT = ascii("cairn_storage_format");
  static final byte[] CONSISTENT_INDEX = ascii("consistent_index");
  static final byte[] CURRENT_REVISION = ascii("current_revision");
  static final byte[] SCHEDULED_COMPACT = ascii("scheduledCompactRev");
  static final byte[] FINISHED_COMPACT = ascii("finishedCompactRev");

  private Meta() {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  /** @throws IllegalStateException if the stored value is not 8 bytes */
  static long toLong(byte[] b, String what) {
    if (b.length != 8) {
      throw new IllegalStateException("corrupt store: " + what + " has " + b.length + " bytes");
    }
    return ByteBuffer.wrap(b).getLong();
  }

  static byte[] compactBytes(long rev) {
    return Revision.first(rev).toBytes();
  }

  /**
   * Bytes the META bucket holds, as a function of the logical state only (so every member computes
   * the same): the format mark, the index and revision once anything was applied, the compaction
   * marks once compacted.
   */
  static long bucketBytes(long appliedIndex, long compactRevision) {
    long bytes = STORAGE_FORMAT.length + 8;
    if (appliedIndex > 0) {
      bytes += CONSISTENT_INDEX.length + 8 + CURRENT_REVISION.length + 8;
    }
    if (compactRevision > 0) {
      bytes += SCHEDULED_COMPACT.length + FINISHED_COMPACT.length + 2L * Revision.BYTES;
    }
    return bytes;
  }
}
