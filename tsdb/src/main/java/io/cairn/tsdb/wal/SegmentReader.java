package io.cairn.tsdb.wal;

import static io.cairn.tsdb.wal.Format.FIRST;
import static io.cairn.tsdb.wal.Format.FULL;
import static io.cairn.tsdb.wal.Format.HEADER_SIZE;
import static io.cairn.tsdb.wal.Format.LAST;
import static io.cairn.tsdb.wal.Format.MAX_RECORD_SIZE;
import static io.cairn.tsdb.wal.Format.MIDDLE;
import static io.cairn.tsdb.wal.Format.PAGE_SIZE;
import static io.cairn.tsdb.wal.Format.PAGE_TERM;
import static io.cairn.tsdb.wal.Format.TYPE_MASK;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads the records of one segment file, page by page (fragments never cross a page, records never
 * cross a segment). Not thread-safe. It reads what is in the file when each page is read: at the
 * end of a segment that is still being written, a record whose last fragment is not written yet is
 * reported as {@link Damage#truncated()}.
 *
 * <p>Memory is bounded: one page, plus the record being assembled, at most {@value
 * Format#MAX_RECORD_SIZE} bytes.
 */
final class SegmentReader implements Closeable {
  private final FileChannel channel;
  private final byte[] page = new byte[PAGE_SIZE];
  private long pageStart;
  private int pageLen;
  private int pagePos;
  private boolean eof;
  private byte[] rec = new byte[256];
  private int recLen;
  private long recordOffset = -1;
  private long validUntil;
  private Damage damage;

  SegmentReader(Path file) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
  }

  /** The next record, or null at the end of the segment or at damage (then {@link #damage()} is set). */
  byte[] next() throws IOException {
    if (damage != null) {
      return null;
    }
    recLen = 0;
    int fragments = 0;
    long start = -1;
    while (true) {
      if (pagePos >= pageLen && !loadPage()) {
        return fragments == 0 ? null : fail(pageStart + pageLen, true,
            "record that starts at offset " + start + " is cut off by the end of the segment");
      }
      long off = pageStart + pagePos;
      int type = page[pagePos] & 0xff;
      if (type == PAGE_TERM) {
        for (int i = pagePos + 1; i < pageLen; i++) {
          if (page[i] != 0) {
            return fail(pageStart + i, false, "non-zero byte in the zero padding that starts at offset " + off);
          }
        }
        pagePos = pageLen;
        if (fragments == 0) {
          validUntil = pageStart + pageLen;
        }
        continue;
      }
      if ((type & ~TYPE_MASK) != 0) {
        return fail(off, false, String.format("fragment type byte 0x%02x has flag bits set"
            + " (compressed records are not supported)", type));
      }
      if (type > LAST) {
        return fail(off, false, "invalid fragment type " + type);
      }
      if (pageLen - pagePos < HEADER_SIZE) {
        return pageLen < PAGE_SIZE
            ? fail(pageStart + pageLen, true, "fragment header at offset " + off + " is cut off")
            : fail(off, false, "fragment header crosses the page end");
      }
      int length = Format.length(page, pagePos);
      int dataStart = pagePos + HEADER_SIZE;
      if (dataStart + length > PAGE_SIZE) {
        return fail(off, false, "fragment length " + length + " runs past the page end");
      }
      if (dataStart + length > pageLen) {
        return fail(pageStart + pageLen, true, "fragment at offset " + off + " is cut off");
      }
      int stored = Format.crc(page, pagePos);
      int actual = Format.crc32c(page, dataStart, length);
      if (stored != actual) {
        return fail(off, false, String.format("checksum mismatch in the %s fragment: stored %08x, computed %08x",
            Format.typeName(type), stored, actual));
      }
      boolean starts = type == FULL || type == FIRST;
      if (starts && fragments > 0) {
        return fail(off, false, Format.typeName(type) + " fragment inside the record that starts at " + start);
      }
      if (!starts && fragments == 0) {
        return fail(off, false, Format.typeName(type) + " fragment without a first fragment");
      }
      if (type == FULL && length == 0) {
        return fail(off, false, "empty record");
      }
      if ((long) recLen + length > MAX_RECORD_SIZE) {
        return fail(off, false, "record longer than the limit of " + MAX_RECORD_SIZE + " bytes");
      }
      if (fragments == 0) {
        start = off;
      }
      append(dataStart, length);
      pagePos = dataStart + length;
      if (type == FULL || type == LAST) {
        recordOffset = start;
        validUntil = pageStart + pagePos;
        return Arrays.copyOf(rec, recLen);
      }
      fragments++;
      assert type == FIRST || type == MIDDLE;
    }
  }

  /** Where the last returned record starts. */
  long recordOffset() {
    return recordOffset;
  }

  /** The end of the last intact record or padding. */
  long validUntil() {
    return validUntil;
  }

  /** What stopped the reader, or null. */
  Damage damage() {
    return damage;
  }

  private byte[] fail(long offset, boolean truncated, String reason) {
    damage = new Damage(offset, validUntil, truncated, reason);
    return null;
  }

  private void append(int from, int length) {
    if (recLen + length > rec.length) {
      rec = Arrays.copyOf(rec, (int) Math.min(MAX_RECORD_SIZE, Math.max(2L * rec.length, recLen + length)));
    }
    System.arraycopy(page, from, rec, recLen, length);
    recLen += length;
  }

  private boolean loadPage() throws IOException {
    if (eof) {
      return false;
    }
    pageStart += pageLen;
    ByteBuffer buf = ByteBuffer.wrap(page);
    while (buf.hasRemaining()) {
      if (channel.read(buf) < 0) {
        eof = true;
        break;
      }
    }
    pageLen = buf.position();
    pagePos = 0;
    return pageLen > 0;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
