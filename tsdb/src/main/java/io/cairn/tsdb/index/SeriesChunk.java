package io.cairn.tsdb.index;

/**
 * A chunk as the index lists it: the first and last sample's timestamps (inclusive) and the chunk's
 * reference into the block's chunk files ({@code segment << 32 | offset}).
 */
public record SeriesChunk(long minTime, long maxTime, long ref) {
  public SeriesChunk {
    if (maxTime < minTime) {
      throw new IllegalArgumentException("chunk maxTime " + maxTime + " is before its minTime " + minTime);
    }
  }
}
