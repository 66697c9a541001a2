package io.cairn.kv.store;

import java.nio.ByteBuffer;

/**
 * An MVCC revision: the main revision of a write (Put, DeleteRange or Txn) and the sub-revision of
 * one change inside it. Encoded as etcd's revision bytes (the KEY bucket's keys): 8-byte big-endian
 * main, {@code '_'}, 8-byte big-endian sub, and for a deletion a trailing {@code 't'}.
 */
record Revision(long main, long sub) implements Comparable<Revision> {
  static final int BYTES = 17;
  static final int MARKED_BYTES = 18;
  static final byte TOMBSTONE_MARK = 't';

  /** The smallest revision with this main revision, as a scan bound. */
  static Revision first(long main) {
    return new Revision(main, 0);
  }

  byte[] toBytes() {
    return ByteBuffer.allocate(BYTES).putLong(main).put((byte) '_').putLong(sub).array();
  }

  byte[] toTombstoneBytes() {
    return ByteBuffer.allocate(MARKED_BYTES).putLong(main).put((byte) '_').putLong(sub).put(TOMBSTONE_MARK).array();
  }

  /** Decodes revision bytes, marked or not. */
  static Revision fromBytes(byte[] b) {
    if (b.length != BYTES && b.length != MARKED_BYTES) {
      throw new IllegalArgumentException("revision bytes of length " + b.length);
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    long main = buf.getLong();
    buf.get();
    return new Revision(main, buf.getLong());
  }

  static boolean isTombstone(byte[] b) {
    return b.length == MARKED_BYTES && b[BYTES] == TOMBSTONE_MARK;
  }

  @Override
  public int compareTo(Revision o) {
    int c = Long.compare(main, o.main);
    return c != 0 ? c : Long.compare(sub, o.sub);
  }

  boolean greaterThan(Revision o) {
    return compareTo(o) > 0;
  }

  @Override
  public String toString() {
    return main + "_" + sub;
  }
}
