package io.cairn.tsdb.chunks;

import java.io.IOException;
import java.io.Serial;

/**
 * A chunk segment file, or a chunk reference into one, that does not follow the format: a bad
 * header, a reference to a missing segment or past the end, a cut-off chunk, a checksum mismatch, an
 * encoding cairn cannot read. Names the segment file and the byte offset.
 */
public final class CorruptChunkFileException extends IOException {
  @Serial private static final long serialVersionUID = 1L;

  private final String segment;
  private final long offset;

  public CorruptChunkFileException(String segment, long offset, String reason) {
    super("corrupt chunk file " + segment + " at byte " + offset + ": " + reason);
    this.segment = segment;
    this.offset = offset;
  }

  /** The segment file's name (e.g. {@code 000001}), or a description when there is none. */
  public String segment() {
    return segment;
  }

  public long offset() {
    return offset;
  }
}
