package io.cairn.kv.snapshot.bbolt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The meta record of a bbolt meta page (page 0 or 1), right after the page header: magic, version,
 * page size, flags, the root bucket (its root page and sequence), the freelist page, the high-water
 * page id ({@code pgid}: pages in use are below it), the transaction id and an FNV-1a 64 checksum of
 * the preceding {@value #CHECKSUMMED_BYTES} bytes.
 */
record MetaPage(
    long magic, long version, long pageSize, long flags, long root, long sequence, long freelist, long pgid, long txid,
    long checksum) {
  static final long MAGIC = 0xED0CDAEDL;
  static final long VERSION = 2;
  /** Bytes of the meta record: 4 x uint32, the bucket (2 x uint64), 4 x uint64, the checksum. */
  static final int BYTES = 64;
  static final int CHECKSUMMED_BYTES = 56;
  static final int MIN_PAGE_SIZE = 512;
  static final int MAX_PAGE_SIZE = 1 << 20;

  /** Decodes the meta record at offset {@value Page#HEADER_BYTES} of {@code page} (at least 80 bytes). */
  static MetaPage decode(ByteBuffer page) {
    ByteBuffer b = page.slice().order(ByteOrder.LITTLE_ENDIAN);
    int at = Page.HEADER_BYTES;
    return new MetaPage(
        Integer.toUnsignedLong(b.getInt(at)),
        Integer.toUnsignedLong(b.getInt(at + 4)),
        Integer.toUnsignedLong(b.getInt(at + 8)),
        Integer.toUnsignedLong(b.getInt(at + 12)),
        b.getLong(at + 16),
        b.getLong(at + 24),
        b.getLong(at + 32),
        b.getLong(at + 40),
        b.getLong(at + 48),
        b.getLong(at + 56));
  }

  /** bbolt's {@code meta.sum64}: FNV-1a 64 over the meta record before its checksum. */
  static long sum64(ByteBuffer page) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < CHECKSUMMED_BYTES; i++) {
      hash ^= page.get(page.position() + Page.HEADER_BYTES + i) & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** Why this meta is unusable, or null if it is valid (bbolt's {@code meta.validate}, plus sane sizes). */
  String problem(ByteBuffer page) {
    if (magic != MAGIC) {
      return "magic 0x" + Long.toHexString(magic) + " instead of bbolt's 0x" + Long.toHexString(MAGIC);
    }
    if (version != VERSION) {
      return "format version " + version + " instead of " + VERSION;
    }
    if (checksum != sum64(page)) {
      return "a checksum that does not match its contents";
    }
    if (Long.bitCount(pageSize) != 1 || pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
      return "page size " + pageSize + " (expected a power of two from " + MIN_PAGE_SIZE + " to " + MAX_PAGE_SIZE + ")";
    }
    return null;
  }
}
