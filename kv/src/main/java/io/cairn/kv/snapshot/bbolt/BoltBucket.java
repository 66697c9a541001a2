package io.cairn.kv.snapshot.bbolt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A bucket of a {@link BoltFile}: the root page of its B+tree, or (root 0) the leaf page stored
 * inline in its parent's value.
 *
 * @param name how messages name the bucket, e.g. {@code bucket 'key'}
 */
record BoltBucket(String name, long root, Page inline) {
  /** A bucket value starts with the bucket header: root page id and sequence, 8 bytes each. */
  static final int HEADER_BYTES = 16;

  /** Decodes the value of a leaf element flagged as a bucket. */
  static BoltBucket of(String fileName, byte[] key, byte[] value) throws IOException {
    String name = "bucket " + describe(key);
    if (value.length < HEADER_BYTES) {
      throw new IOException(fileName + ": " + name + " has a header of " + value.length + " bytes, expected "
          + HEADER_BYTES);
    }
    ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    long root = b.getLong(0);
    if (root != 0) {
      return new BoltBucket(name, root, null);
    }
    Page inline = Page.parse(fileName + ": the inline page of " + name, b.slice(HEADER_BYTES, value.length - HEADER_BYTES));
    if (!inline.isLeaf()) {
      throw new IOException(inline.name() + " is " + inline.kind() + ", expected a leaf page");
    }
    return new BoltBucket(name, 0, inline);
  }

  /** A key for messages: quoted if it is printable ASCII, else hex. */
  static String describe(byte[] key) {
    for (byte c : key) {
      if (c < 0x20 || c > 0x7e || c == '\'') {
        return "0x" + HexFormat.of().formatHex(key);
      }
    }
    return "'" + new String(key, StandardCharsets.US_ASCII) + "'";
  }
}
