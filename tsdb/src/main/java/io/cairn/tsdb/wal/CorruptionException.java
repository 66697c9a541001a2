package io.cairn.tsdb.wal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A segment that cannot be read as the format says: a checksum mismatch, a fragment out of sequence,
 * non-zero padding, an oversized or empty record, a record cut off, or a missing segment. It names
 * the segment (index and file) and the byte offset in that file where the damage was found.
 *
 * <p>{@link #validUntil()} is the offset up to which the segment holds intact records: every record
 * that starts before it was read correctly, and cutting the file there is what a repair does.
 * {@link #torn()} is true when the data simply ends inside a record at the end of the last segment
 * read — a crash in the middle of a write, or a writer that is still writing that record. {@link
 * Wal#open} repairs a torn end of the last segment itself; a reader only reports it.
 */
public final class CorruptionException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int segment;
  private final long offset;
  private final long validUntil;
  private final boolean torn;
  private final String reason;

  CorruptionException(Path file, int segment, long offset, long validUntil, boolean torn, String reason) {
    super("WAL segment " + Segments.name(segment) + " (" + file + ") "
        + (torn ? "ends in a torn record" : "is corrupt") + " at offset " + offset + ": " + reason);
    this.file = file;
    this.segment = segment;
    this.offset = offset;
    this.validUntil = validUntil;
    this.torn = torn;
    this.reason = reason;
  }

  /** The segment file. */
  public Path file() {
    return file;
  }

  /** The segment's index (its file name as a number). */
  public int segment() {
    return segment;
  }

  /** The byte offset in the segment file where the damage was found. */
  public long offset() {
    return offset;
  }

  /** Every record of the segment that starts before this offset is intact. */
  public long validUntil() {
    return validUntil;
  }

  /** True if the data ends inside a record at the end of the last segment read (a torn write). */
  public boolean torn() {
    return torn;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
