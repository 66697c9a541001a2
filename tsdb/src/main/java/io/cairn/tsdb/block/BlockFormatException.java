package io.cairn.tsdb.block;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;

/** A block file other than the index and chunks (meta.json, tombstones) that is not as expected. */
public final class BlockFormatException extends IOException {
  @Serial private static final long serialVersionUID = 1L;

  public BlockFormatException(Path file, String reason) {
    super("invalid block file " + file + ": " + reason);
  }
}
