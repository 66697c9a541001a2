package io.cairn.kv.snapshot.bbolt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One bbolt page as read: its header and its bytes, a stored page with its overflow pages or an
 * inline bucket's page. Element accessors check every offset against {@link #bytes}' size, so a
 * damaged page yields an {@link IOException} naming the page ({@link #name}) and what is wrong.
 *
 * @param bytes the page from its header on, little-endian, position 0, limit = the page's size
 */
record Page(String name, long id, int flags, int count, long overflow, ByteBuffer bytes) {
  static final int HEADER_BYTES = 16;
  static final int ELEMENT_BYTES = 16;
  static final int BRANCH = 0x01;
  static final int LEAF = 0x02;
  static final int META = 0x04;
  static final int FREELIST = 0x10;

  /** One leaf element: a key and either a value or, with {@code bucket}, a nested bucket's header. */
  record LeafElement(byte[] key, byte[] value, boolean bucket) {}

  /** One branch element: the first key of a child page and its page id. */
  record BranchElement(byte[] key, long child) {}

  /** Reads the header of the page in {@code bytes} (whose size is the page's). */
  static Page parse(String name, ByteBuffer bytes) throws IOException {
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (b.limit() < HEADER_BYTES) {
      throw new IOException(name + " has " + b.limit() + " bytes, fewer than a page header's " + HEADER_BYTES);
    }
    long id = b.getLong(0);
    int flags = Short.toUnsignedInt(b.getShort(8));
    int count = Short.toUnsignedInt(b.getShort(10));
    long overflow = Integer.toUnsignedLong(b.getInt(12));
    return new Page(name, id, flags, count, overflow, b);
  }

  boolean isLeaf() {
    return flags == LEAF;
  }

  boolean isBranch() {
    return flags == BRANCH;
  }

  /** The page's kind for messages, e.g. "a leaf page"; only branch and leaf pages belong in a tree. */
  String kind() {
    return switch (flags) {
      case BRANCH -> "a branch page";
      case LEAF -> "a leaf page";
      case META -> "a meta page";
      case FREELIST -> "a freelist page";
      default -> "an unknown kind of page (flags 0x" + Integer.toHexString(flags) + ")";
    };
  }

  private int elementOffset(int i) throws IOException {
    if (i < 0 || i >= count) {
      throw new IllegalArgumentException("element " + i + " of " + count);
    }
    long end = HEADER_BYTES + (long) count * ELEMENT_BYTES;
    if (end > bytes.limit()) {
      throw new IOException(name + " claims " + count + " elements, which do not fit in its " + bytes.limit() + " bytes");
    }
    return HEADER_BYTES + i * ELEMENT_BYTES;
  }

  /** Bytes at {@code base + pos} of length {@code size}, checked against the page's end. */
  private byte[] slice(int element, int base, long pos, long size, String what) throws IOException {
    long start = base + pos;
    if (start + size > bytes.limit()) {
      throw new IOException(name + ": element " + element + "'s " + what + " (" + size + " bytes at offset " + start
          + ") runs past the page's end at " + bytes.limit());
    }
    byte[] out = new byte[(int) size];
    bytes.get((int) start, out);
    return out;
  }

  LeafElement leaf(int i) throws IOException {
    int at = elementOffset(i);
    long elementFlags = Integer.toUnsignedLong(bytes.getInt(at));
    long pos = Integer.toUnsignedLong(bytes.getInt(at + 4));
    long keySize = Integer.toUnsignedLong(bytes.getInt(at + 8));
    long valueSize = Integer.toUnsignedLong(bytes.getInt(at + 12));
    byte[] key = slice(i, at, pos, keySize, "key");
    byte[] value = slice(i, at, pos + keySize, valueSize, "value");
    return new LeafElement(key, value, (elementFlags & 0x01) != 0);
  }

  BranchElement branch(int i) throws IOException {
    int at = elementOffset(i);
    long pos = Integer.toUnsignedLong(bytes.getInt(at));
    long keySize = Integer.toUnsignedLong(bytes.getInt(at + 4));
    long child = bytes.getLong(at + 8);
    return new BranchElement(slice(i, at, pos, keySize, "key"), child);
  }
}
