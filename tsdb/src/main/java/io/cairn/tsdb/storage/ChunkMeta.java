package io.cairn.tsdb.storage;

import io.cairn.tsdb.chunkenc.Chunk;
import java.util.Objects;

/**
 * One encoded chunk of a series and the time range it covers ({@code minTime} and {@code maxTime}
 * are the first and last sample's timestamps, inclusive). The chunk must not be appended to once it
 * is handed out in a {@code ChunkMeta}: readers iterate it without locks.
 */
public record ChunkMeta(long minTime, long maxTime, Chunk chunk) {
  public ChunkMeta {
    Objects.requireNonNull(chunk, "chunk");
    if (maxTime < minTime) {
      throw new IllegalArgumentException("chunk maxTime " + maxTime + " is before its minTime " + minTime);
    }
  }

  public boolean overlaps(long mint, long maxt) {
    return minTime <= maxt && maxTime >= mint;
  }
}
