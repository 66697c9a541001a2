package io.cairn.tsdb.wal;

import static io.cairn.tsdb.wal.Format.FIRST;
import static io.cairn.tsdb.wal.Format.FULL;
import static io.cairn.tsdb.wal.Format.HEADER_SIZE;
import static io.cairn.tsdb.wal.Format.LAST;
import static io.cairn.tsdb.wal.Format.MIDDLE;
import static io.cairn.tsdb.wal.Format.PAGE_SIZE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Cuts records into fragments on 32 KiB pages and writes them to the active segment, byte for byte
 * as Prometheus's {@code WL.log}: a record that does not fit in what is left of the segment starts a
 * new one; a page whose free space is smaller than a header is padded with zeros; the end of a batch
 * writes the partly filled page (which stays in memory and receives the next records). Not
 * thread-safe: {@link Wal} holds its lock around every call.
 */
final class SegmentWriter {
  private final Path dir;
  private final int pagesPerSegment;
  private final WalListener listener;
  private final byte[] page = new byte[PAGE_SIZE];
  private int alloc; // bytes of the page in use
  private int flushed; // bytes of the page already written to the file
  private int donePages; // complete pages written to the active segment
  private SegmentFile segment;

  SegmentWriter(Path dir, int index, int segmentSize, WalListener listener) throws IOException {
    this.dir = dir;
    this.pagesPerSegment = segmentSize / PAGE_SIZE;
    this.listener = listener;
    this.segment = SegmentFile.create(dir, index);
    listener.segmentCreated(index);
  }

  int index() {
    return segment.index();
  }

  /** The segment being written. */
  SegmentFile segment() {
    return segment;
  }

  /** Appends one record; {@code endOfBatch} writes the partly filled page to the file. */
  void append(byte[] rec, boolean endOfBatch) throws IOException {
    if (pageFull()) {
      flushPage(true);
    }
    long left = (PAGE_SIZE - alloc - HEADER_SIZE)
        + (long) (PAGE_SIZE - HEADER_SIZE) * (pagesPerSegment - donePages - 1);
    boolean segmentEmpty = donePages == 0 && alloc == 0;
    if (rec.length > left && !segmentEmpty) {
      nextSegment();
    }
    int pos = 0;
    for (int i = 0; i == 0 || pos < rec.length; i++) {
      int l = Math.min(rec.length - pos, PAGE_SIZE - alloc - HEADER_SIZE);
      boolean ends = pos + l == rec.length;
      int type = i == 0 ? (ends ? FULL : FIRST) : (ends ? LAST : MIDDLE);
      Format.putHeader(page, alloc, type, l, Format.crc32c(rec, pos, l));
      System.arraycopy(rec, pos, page, alloc + HEADER_SIZE, l);
      alloc += HEADER_SIZE + l;
      if (pageFull()) {
        flushPage(true);
      }
      pos += l;
    }
    if (endOfBatch && alloc > 0) {
      flushPage(false);
    }
  }

  /** Completes the active segment (padding its last page), fsyncs and closes it, starts the next. */
  void nextSegment() throws IOException {
    if (alloc > 0) {
      flushPage(true);
    }
    segment.sync(listener);
    segment.close();
    segment = SegmentFile.create(dir, segment.index() + 1);
    donePages = 0;
    listener.segmentCreated(segment.index());
  }

  /** Pads and writes the partly filled page (if any), fsyncs and closes the segment. */
  void close() throws IOException {
    try {
      if (alloc > 0) {
        flushPage(true);
      }
      segment.sync(listener);
    } finally {
      segment.close();
    }
  }

  private boolean pageFull() {
    return PAGE_SIZE - alloc < HEADER_SIZE;
  }

  private void flushPage(boolean clear) throws IOException {
    clear = clear || pageFull();
    if (clear) {
      alloc = PAGE_SIZE; // zero padding to the end of the page
    }
    segment.write(page, flushed, alloc - flushed);
    flushed = alloc;
    if (clear) {
      Arrays.fill(page, (byte) 0);
      alloc = 0;
      flushed = 0;
      donePages++;
    }
  }
}
