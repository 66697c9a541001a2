package io.cairn.kv.snapshot.bbolt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small bbolt files for tests, page by page, in bbolt's layout (see the package
 * documentation): nested, inline and overflowing buckets, branch pages, and deliberately odd trees.
 * Pages 0 and 1 are the metas; tree pages are allocated from page 2 on.
 */
final class BoltWriter {
  /** A leaf element: with {@code bucket}, {@code value} is a bucket value ({@link #bucket}, {@link #inline}). */
  record Elem(byte[] key, byte[] value, boolean bucket) {
    static Elem kv(String key, String value) {
      return new Elem(key.getBytes(), value.getBytes(), false);
    }

    static Elem kv(String key, byte[] value) {
      return new Elem(key.getBytes(), value, false);
    }

    static Elem bucket(String key, byte[] value) {
      return new Elem(key.getBytes(), value, true);
    }
  }

  final int pageSize;
  private final List<ByteBuffer> pages = new ArrayList<>();

  BoltWriter(int pageSize) {
    this.pageSize = pageSize;
    pages.add(null);
    pages.add(null);
  }

  /** Reserves {@code n} consecutive pages; returns the first id. */
  private int allocate(int n) {
    int id = pages.size();
    for (int i = 0; i < n; i++) {
      pages.add(null);
    }
    return id;
  }

  private static ByteBuffer leafBytes(long id, List<Elem> elems, int size) {
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(0, id).putShort(8, (short) Page.LEAF).putShort(10, (short) elems.size());
    int data = Page.HEADER_BYTES + elems.size() * Page.ELEMENT_BYTES;
    for (int i = 0; i < elems.size(); i++) {
      Elem e = elems.get(i);
      int at = Page.HEADER_BYTES + i * Page.ELEMENT_BYTES;
      b.putInt(at, e.bucket() ? 1 : 0).putInt(at + 4, data - at).putInt(at + 8, e.key().length)
          .putInt(at + 12, e.value().length);
      b.put(data, e.key()).put(data + e.key().length, e.value());
      data += e.key().length + e.value().length;
    }
    return b;
  }

  private static int leafSize(List<Elem> elems) {
    int size = Page.HEADER_BYTES + elems.size() * Page.ELEMENT_BYTES;
    for (Elem e : elems) {
      size += e.key().length + e.value().length;
    }
    return size;
  }

  /** A leaf page (with overflow pages if it needs them); returns its id. */
  int leaf(List<Elem> elems) {
    int n = (leafSize(elems) + pageSize - 1) / pageSize;
    int id = allocate(n);
    ByteBuffer b = leafBytes(id, elems, n * pageSize);
    b.putInt(12, n - 1);
    pages.set(id, b);
    return id;
  }

  /** A branch page over children (first key, page id); returns its id. */
  int branch(List<byte[]> keys, List<Long> children) {
    int id = allocate(1);
    ByteBuffer b = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(0, id).putShort(8, (short) Page.BRANCH).putShort(10, (short) keys.size());
    int data = Page.HEADER_BYTES + keys.size() * Page.ELEMENT_BYTES;
    for (int i = 0; i < keys.size(); i++) {
      int at = Page.HEADER_BYTES + i * Page.ELEMENT_BYTES;
      b.putInt(at, data - at).putInt(at + 4, keys.get(i).length).putLong(at + 8, children.get(i));
      b.put(data, keys.get(i));
      data += keys.get(i).length;
    }
    pages.set(id, b);
    return id;
  }

  /** The value of a bucket whose tree starts at page {@code root}. */
  static byte[] bucket(long root) {
    return ByteBuffer.allocate(BoltBucket.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0, root).array();
  }

  /** The value of an inline bucket holding {@code elems}. */
  static byte[] inline(List<Elem> elems) {
    ByteBuffer page = leafBytes(0, elems, leafSize(elems));
    return ByteBuffer.allocate(BoltBucket.HEADER_BYTES + page.capacity()).put(BoltBucket.HEADER_BYTES, page, 0, page.capacity())
        .array();
  }

  /** Direct access to a written page, to damage it. */
  ByteBuffer page(int id) {
    return pages.get(id);
  }

  /** The file: meta 0 with {@code txid}, meta 1 with {@code txid - 1}, both rooted at {@code root}. */
  byte[] build(long root, long txid) {
    ByteBuffer file = ByteBuffer.allocate(pages.size() * pageSize).order(ByteOrder.LITTLE_ENDIAN);
    for (int id = 2; id < pages.size(); id++) {
      if (pages.get(id) != null) {
        file.put(id * pageSize, pages.get(id), 0, pages.get(id).capacity());
      }
    }
    meta(file, 0, root, txid);
    meta(file, 1, root, txid - 1);
    return file.array();
  }

  void meta(ByteBuffer file, int id, long root, long txid) {
    int at = id * pageSize;
    file.putLong(at, id).putShort(at + 8, (short) Page.META);
    int m = at + Page.HEADER_BYTES;
    file.putInt(m, (int) MetaPage.MAGIC).putInt(m + 4, 2).putInt(m + 8, pageSize).putInt(m + 12, 0)
        .putLong(m + 16, root).putLong(m + 24, 0).putLong(m + 32, -1L).putLong(m + 40, pages.size())
        .putLong(m + 48, txid);
    file.putLong(m + 56, MetaPage.sum64(file.slice(at, pageSize)));
  }

  /** Recomputes both meta checksums after a test changed meta fields. */
  static void resum(byte[] file, int pageSize) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    for (int id = 0; id < 2 && (id + 1) * pageSize <= file.length; id++) {
      b.putLong(id * pageSize + Page.HEADER_BYTES + 56, MetaPage.sum64(b.slice(id * pageSize, pageSize)));
    }
  }
}
