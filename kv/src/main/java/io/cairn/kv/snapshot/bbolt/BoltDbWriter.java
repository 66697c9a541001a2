package io.cairn.kv.snapshot.bbolt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a bbolt database file (layout in the package documentation) from top-level buckets whose
 * records arrive in key order, as {@code etcdctl snapshot status/restore} and etcd open it.
 *
 * <h2>Design</h2>
 *
 * Memory stays bounded by one page plus one branch entry per page written: each bucket's B+tree is
 * built bottom-up while its records stream in. Leaf pages are filled up to the page size and written
 * as soon as they are full (a record larger than a page gets a page of its own with overflow pages,
 * as bbolt does); their first keys and page ids then become the next level's branch elements, level
 * by level, until one page remains: the bucket's root. Pages get ids in the order written, from 2 on.
 * The root bucket (one leaf of bucket headers, each flagged as a bucket) and the two meta pages are
 * written by {@link #finish}. Every bucket gets its own pages (no inline buckets, which bbolt uses
 * only to save space), and the freelist is not stored (meta's freelist id is all ones, as in etcd's
 * databases, which set bbolt's {@code NoFreelistSync}): bbolt rebuilds it by walking the trees, and
 * since every page below the high-water mark is in a tree, {@code tx.Check} finds nothing to free.
 *
 * <h2>Contract</h2>
 *
 * {@link #bucket} names top-level buckets in strictly ascending unsigned byte order, {@link #put}
 * gives each bucket's records in strictly ascending key order; either out of order is an {@link
 * IllegalArgumentException}. Keys are 1 to {@value #MAX_KEY_BYTES} bytes (bbolt's limit). Not
 * thread-safe; the file is complete only after {@link #finish}.
 */
public final class BoltDbWriter implements Closeable {
  /** bbolt's page size on the machines etcd runs on (the OS page size). */
  public static final int PAGE_SIZE = 4096;
  /** bbolt's {@code MaxKeySize}. */
  public static final int MAX_KEY_BYTES = 32768;
  /** bbolt's {@code MaxValueSize}. */
  public static final int MAX_VALUE_BYTES = (1 << 31) - 2;

  private final FileChannel out;
  private final int pageSize;
  private final TreeBuilder topLevel;
  private long nextPage = 2;
  private TreeBuilder open;
  private byte[] openName;
  private byte[] lastName;

  private BoltDbWriter(FileChannel out, int pageSize) {
    this.out = out;
    this.pageSize = pageSize;
    this.topLevel = new TreeBuilder(this, true);
  }

  /** Creates (or truncates) {@code file}. */
  public static BoltDbWriter create(Path file) throws IOException {
    return create(file, PAGE_SIZE);
  }

  static BoltDbWriter create(Path file, int pageSize) throws IOException {
    if (Integer.bitCount(pageSize) != 1 || pageSize < MetaPage.MIN_PAGE_SIZE || pageSize > MetaPage.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size " + pageSize + " is not a power of two from "
          + MetaPage.MIN_PAGE_SIZE + " to " + MetaPage.MAX_PAGE_SIZE);
    }
    return new BoltDbWriter(
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
        pageSize);
  }

  /** Ends the current bucket (if any) and starts top-level bucket {@code name}. */
  public void bucket(byte[] name) throws IOException {
    checkKey(name, "bucket name");
    if (lastName != null && Arrays.compareUnsigned(lastName, name) >= 0) {
      throw new IllegalArgumentException("bucket " + BoltBucket.describe(name) + " follows "
          + BoltBucket.describe(lastName) + " (expected ascending, unique names)");
    }
    endBucket();
    lastName = name.clone();
    openName = lastName;
    open = new TreeBuilder(this, false);
  }

  /** Adds a record to the current bucket. */
  public void put(byte[] key, byte[] value) throws IOException {
    if (open == null) {
      throw new IllegalStateException("put before the first bucket");
    }
    checkKey(key, "key");
    if (value.length > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException("a value of " + value.length + " bytes exceeds bbolt's " + MAX_VALUE_BYTES);
    }
    open.add(key, value, false);
  }

  private static void checkKey(byte[] key, String what) {
    if (key.length == 0 || key.length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException("a " + what + " of " + key.length + " bytes (expected 1 to "
          + MAX_KEY_BYTES + ")");
    }
  }

  private void endBucket() throws IOException {
    if (open != null) {
      long root = open.finish();
      byte[] header = ByteBuffer.allocate(BoltBucket.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0, root).array();
      topLevel.add(openName, header, true);
      open = null;
    }
  }

  /**
   * Ends the last bucket, writes the root bucket and the meta pages (transaction ids {@code txid} on
   * page 0 and {@code txid - 1} on page 1, as bbolt's {@code Tx.WriteTo} leaves them) and forces the
   * file to disk.
   *
   * @return the database's length in bytes (its high-water page id times the page size)
   */
  public long finish(long txid) throws IOException {
    if (txid < 1) {
      throw new IllegalArgumentException("transaction id " + txid + " (expected at least 1)");
    }
    endBucket();
    long root = topLevel.finish();
    long pgid = nextPage;
    writeMeta(0, root, pgid, txid);
    writeMeta(1, root, pgid, txid - 1);
    out.force(true);
    return pgid * pageSize;
  }

  private void writeMeta(long id, long root, long pgid, long txid) throws IOException {
    ByteBuffer p = ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN);
    p.putLong(0, id).putShort(8, (short) Page.META);
    int m = Page.HEADER_BYTES;
    p.putInt(m, (int) MetaPage.MAGIC).putInt(m + 4, (int) MetaPage.VERSION).putInt(m + 8, pageSize).putInt(m + 12, 0)
        .putLong(m + 16, root).putLong(m + 24, 0).putLong(m + 32, -1L).putLong(m + 40, pgid).putLong(m + 48, txid);
    p.putLong(m + 56, MetaPage.sum64(p));
    writeAt(id, p);
  }

  int pageSize() {
    return pageSize;
  }

  /** Writes a page (with its overflow pages: {@code page}'s size, a multiple of the page size) at the next id. */
  long append(ByteBuffer page) throws IOException {
    long id = nextPage;
    long pages = page.capacity() / pageSize;
    page.putLong(0, id).putInt(12, (int) (pages - 1));
    writeAt(id, page);
    nextPage += pages;
    return id;
  }

  private void writeAt(long id, ByteBuffer page) throws IOException {
    ByteBuffer b = page.duplicate().clear();
    long at = id * pageSize;
    while (b.hasRemaining()) {
      at += out.write(b, at);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
