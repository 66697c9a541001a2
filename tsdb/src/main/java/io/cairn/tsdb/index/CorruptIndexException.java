package io.cairn.tsdb.index;

import java.io.IOException;
import java.io.Serial;

/**
 * An index file that does not follow the format: a bad magic number or version, a checksum
 * mismatch, a length or reference pointing outside the file or its section, a value no writer
 * produces. Names the section and the byte offset in the file where reading stopped.
 */
public final class CorruptIndexException extends IOException {
  @Serial private static final long serialVersionUID = 1L;

  private final String section;
  private final long offset;

  public CorruptIndexException(String section, long offset, String reason) {
    super("corrupt index: " + section + " at byte " + offset + ": " + reason);
    this.section = section;
    this.offset = offset;
  }

  /** The section being read: "header", "TOC", "symbols", "series", "postings", ... */
  public String section() {
    return section;
  }

  /** The byte offset in the file where the damage was found. */
  public long offset() {
    return offset;
  }
}
