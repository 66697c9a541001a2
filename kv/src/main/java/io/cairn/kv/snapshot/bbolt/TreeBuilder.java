package io.cairn.kv.snapshot.bbolt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one bucket's B+tree bottom-up for {@link BoltDbWriter}: fills a leaf page with records in
 * key order, writes it when the next record would not fit, and remembers its first key and page id;
 * {@link #finish} then writes branch pages over those, level by level, and returns the root's id.
 * A branch page holds at least two children (more pages if their keys need it), so each level is
 * smaller than the one below and the build ends.
 */
final class TreeBuilder {
  private record Child(byte[] key, long page) {}

  private final BoltDbWriter writer;
  private final boolean bucketsOnly;
  private final List<byte[]> keys = new ArrayList<>();
  private final List<byte[]> values = new ArrayList<>();
  private int leafBytes = Page.HEADER_BYTES;
  private byte[] last;
  private List<Child> leaves = new ArrayList<>();

  /** @param bucketsOnly every record is a nested bucket's header (the root bucket's records) */
  TreeBuilder(BoltDbWriter writer, boolean bucketsOnly) {
    this.writer = writer;
    this.bucketsOnly = bucketsOnly;
  }

  void add(byte[] key, byte[] value, boolean bucket) throws IOException {
    if (last != null && Arrays.compareUnsigned(last, key) >= 0) {
      throw new IllegalArgumentException("key " + BoltBucket.describe(key) + " follows " + BoltBucket.describe(last)
          + " (expected ascending, unique keys)");
    }
    if (bucket != bucketsOnly) {
      throw new IllegalStateException("a bucket and plain records in one tree");
    }
    long size = (long) Page.ELEMENT_BYTES + key.length + value.length;
    if (!keys.isEmpty() && leafBytes + size > writer.pageSize()) {
      writeLeaf();
    }
    keys.add(key);
    values.add(value);
    leafBytes = Math.toIntExact(leafBytes + size);
    last = key;
  }

  private void writeLeaf() throws IOException {
    ByteBuffer p = page(leafBytes);
    p.putShort(8, (short) Page.LEAF).putShort(10, (short) keys.size());
    int data = Page.HEADER_BYTES + keys.size() * Page.ELEMENT_BYTES;
    for (int i = 0; i < keys.size(); i++) {
      byte[] k = keys.get(i);
      byte[] v = values.get(i);
      int at = Page.HEADER_BYTES + i * Page.ELEMENT_BYTES;
      p.putInt(at, bucketsOnly ? 1 : 0).putInt(at + 4, data - at).putInt(at + 8, k.length).putInt(at + 12, v.length);
      p.put(data, k).put(data + k.length, v);
      data += k.length + v.length;
    }
    leaves.add(new Child(keys.isEmpty() ? new byte[0] : keys.getFirst(), writer.append(p)));
    keys.clear();
    values.clear();
    leafBytes = Page.HEADER_BYTES;
  }

  /** A zeroed page buffer for {@code bytes} of content, rounded up to whole pages. */
  private ByteBuffer page(long bytes) {
    long pages = (bytes + writer.pageSize() - 1) / writer.pageSize();
    return ByteBuffer.allocate(Math.toIntExact(pages * writer.pageSize())).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Writes what is left and the branch levels; returns the root page's id. */
  long finish() throws IOException {
    if (!keys.isEmpty() || leaves.isEmpty()) {
      writeLeaf(); // an empty bucket is one empty leaf page
    }
    List<Child> level = leaves;
    while (level.size() > 1) {
      List<Child> up = new ArrayList<>();
      int from = 0;
      while (from < level.size()) {
        int to = from;
        long bytes = Page.HEADER_BYTES;
        while (to < level.size()) {
          long more = Page.ELEMENT_BYTES + level.get(to).key().length;
          if (to - from >= 2 && bytes + more > writer.pageSize()) {
            break;
          }
          bytes += more;
          to++;
        }
        if (level.size() - to == 1) {
          to++; // never leave one child alone on the last page
          bytes += Page.ELEMENT_BYTES + level.get(to - 1).key().length;
        }
        up.add(new Child(level.get(from).key(), writeBranch(level.subList(from, to), bytes)));
        from = to;
      }
      level = up;
    }
    leaves = null;
    return level.getFirst().page();
  }

  private long writeBranch(List<Child> children, long bytes) throws IOException {
    ByteBuffer p = page(bytes);
    p.putShort(8, (short) Page.BRANCH).putShort(10, (short) children.size());
    int data = Page.HEADER_BYTES + children.size() * Page.ELEMENT_BYTES;
    for (int i = 0; i < children.size(); i++) {
      Child c = children.get(i);
      int at = Page.HEADER_BYTES + i * Page.ELEMENT_BYTES;
      p.putInt(at, data - at).putInt(at + 4, c.key().length).putLong(at + 8, c.page());
      p.put(data, c.key());
      data += c.key().length;
    }
    return writer.append(p);
  }
}
