package io.cairn.tsdb.chunkenc;

import java.io.Serial;

/**
 * A chunk's bytes do not decode: they end before the samples their header promises, or hold a
 * value no encoder writes. The message names the sample and the bit offset where decoding stopped.
 */
public final class CorruptChunkException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  public CorruptChunkException(String message) {
    super(message);
  }
}
