package io.cairn.kv.snapshot.bbolt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A bbolt database file opened read-only: picks the meta page to trust and reads pages by id, each
 * checked against the pages the meta says are in use and against the file's length. {@link
 * BucketReader} walks buckets over it. See the package documentation for the format.
 */
final class BoltFile implements AutoCloseable {
  /** Largest page (with its overflow pages) read into memory: a bound on what a damaged header asks. */
  static final long MAX_PAGE_BYTES = 256L << 20;
  /** Two meta pages and a root page. */
  static final long MIN_PAGES = 3;

  private final FileChannel channel;
  private final String name;
  private final MetaPage meta;

  private BoltFile(FileChannel channel, String name, MetaPage meta) {
    this.channel = channel;
    this.name = name;
    this.meta = meta;
  }

  /**
   * Opens the first {@code length} bytes of {@code file} (the rest, e.g. a hash trailer, is not read).
   *
   * @throws IOException saying what is wrong if neither meta page is valid or the chosen one does not
   *     fit the file
   */
  static BoltFile open(Path file, long length) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      String name = file.toString();
      MetaPage meta = chooseMeta(channel, name, length);
      if (Long.compareUnsigned(meta.pgid(), MIN_PAGES) < 0) {
        throw new IOException(name + ": its meta page says " + meta.pgid() + " pages are in use, fewer than the "
            + MIN_PAGES + " of any database (two meta pages and a root page)");
      }
      if (Long.compareUnsigned(meta.pgid(), length / meta.pageSize()) > 0) {
        throw new IOException(name + " is truncated: its meta page says " + Long.toUnsignedString(meta.pgid()) + " pages of "
            + meta.pageSize() + " bytes are in use, but it holds only " + length + " bytes");
      }
      if (meta.pgid() > Integer.MAX_VALUE) {
        throw new IOException(name + ": its meta page says " + meta.pgid() + " pages are in use, more than this reader handles");
      }
      if (meta.root() < 2 || meta.root() >= meta.pgid()) {
        throw new IOException(name + ": its meta page puts the root bucket at page " + Long.toUnsignedString(meta.root())
            + ", outside the pages in use (2 to " + (meta.pgid() - 1) + ")");
      }
      return new BoltFile(channel, name, meta);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** bbolt's choice: the valid meta page with the higher transaction id. */
  private static MetaPage chooseMeta(FileChannel channel, String name, long length) throws IOException {
    int need = Page.HEADER_BYTES + MetaPage.BYTES;
    String problem0;
    MetaPage m0 = null;
    if (length < need) {
      problem0 = "no room in a file of " + length + " bytes";
    } else {
      ByteBuffer p0 = read(channel, name, 0, need);
      MetaPage candidate = MetaPage.decode(p0);
      problem0 = candidate.problem(p0);
      m0 = problem0 == null ? candidate : null;
    }
    String problem1 = "no valid copy at any page size";
    MetaPage m1 = null;
    for (long size = MetaPage.MIN_PAGE_SIZE; size <= MetaPage.MAX_PAGE_SIZE && m1 == null; size <<= 1) {
      if ((m0 != null && size != m0.pageSize()) || size + need > length) {
        continue;
      }
      ByteBuffer p1 = read(channel, name, size, need);
      MetaPage candidate = MetaPage.decode(p1);
      String problem = candidate.problem(p1);
      if (problem == null && candidate.pageSize() == size) {
        m1 = candidate;
      } else if (m0 != null) {
        problem1 = problem != null ? problem : "page size " + candidate.pageSize() + " while meta page 0 says " + size;
      }
    }
    if (m0 == null && m1 == null) {
      throw new IOException(name + " is not a readable bbolt database: meta page 0 has " + problem0
          + ", meta page 1 has " + problem1);
    }
    if (m0 == null) {
      return m1;
    }
    return m1 == null || Long.compareUnsigned(m0.txid(), m1.txid()) >= 0 ? m0 : m1;
  }

  private static ByteBuffer read(FileChannel channel, String name, long offset, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
    while (buf.hasRemaining()) {
      int n = channel.read(buf, offset + buf.position());
      if (n < 0) {
        throw new IOException(name + " ended at " + (offset + buf.position()) + " bytes while reading "
            + size + " bytes at offset " + offset);
      }
    }
    return buf.flip();
  }

  String name() {
    return name;
  }

  MetaPage meta() {
    return meta;
  }

  /**
   * Reads a branch or leaf page and its overflow pages.
   *
   * @param from what refers to the page, for messages
   */
  Page page(long pgid, String from) throws IOException {
    if (pgid < 2 || pgid >= meta.pgid()) {
      throw new IOException(name + ": " + from + " refers to page " + Long.toUnsignedString(pgid)
          + ", outside the pages in use (2 to "
          + (meta.pgid() - 1) + ")");
    }
    long offset = pgid * meta.pageSize();
    Page head = Page.parse(name + ": page " + pgid, read(channel, name, offset, Page.HEADER_BYTES));
    if (head.id() != pgid) {
      throw new IOException(name + ": page " + pgid + " (referred to by " + from + ") says it is page "
          + Long.toUnsignedString(head.id()));
    }
    if (head.overflow() >= meta.pgid() - pgid) {
      throw new IOException(name + ": page " + pgid + " claims " + head.overflow()
          + " overflow pages, running past the pages in use (" + meta.pgid() + ")");
    }
    long bytes = (head.overflow() + 1) * meta.pageSize();
    if (bytes > MAX_PAGE_BYTES) {
      throw new IOException(name + ": page " + pgid + " spans " + bytes + " bytes, more than the "
          + MAX_PAGE_BYTES + " this reader accepts");
    }
    return Page.parse(name + ": page " + pgid, read(channel, name, offset, bytes));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
