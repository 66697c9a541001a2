package io.cairn.tsdb.head;

import io.cairn.tsdb.wal.WalOptions;
import java.util.Objects;

/**
 * Settings of the head; see the package documentation for the limits table.
 *
 * @param chunkRangeMs the block range: in-order chunks never cross a multiple of it, so the head can
 *     be cut into blocks of exactly this range (Prometheus: {@code --storage.tsdb.min-block-duration},
 *     2 h)
 * @param outOfOrderWindowMs how far behind the head's newest sample a sample may still arrive out of
 *     order; 0 refuses every out-of-order sample (Prometheus's default); cairn's default is 10 min
 * @param maxSeries how many series the head holds at most; creating one more fails with {@code
 *     SERIES_LIMIT}
 * @param wal options of the write-ahead log
 */
public record HeadOptions(long chunkRangeMs, long outOfOrderWindowMs, int maxSeries, WalOptions wal) {
  public static final long DEFAULT_CHUNK_RANGE_MS = 2 * 3600 * 1000L;
  public static final long DEFAULT_OUT_OF_ORDER_WINDOW_MS = 10 * 60 * 1000L;
  public static final int DEFAULT_MAX_SERIES = 5_000_000;

  public HeadOptions {
    Objects.requireNonNull(wal, "wal");
    if (chunkRangeMs < 1000) {
      throw new IllegalArgumentException("chunk range must be at least 1000 ms, got " + chunkRangeMs);
    }
    if (outOfOrderWindowMs < 0 || outOfOrderWindowMs > chunkRangeMs) {
      throw new IllegalArgumentException("out-of-order window must be between 0 and the chunk range ("
          + chunkRangeMs + " ms), got " + outOfOrderWindowMs);
    }
    if (maxSeries < 1) {
      throw new IllegalArgumentException("series limit must be at least 1, got " + maxSeries);
    }
  }

  public static HeadOptions defaults() {
    return new HeadOptions(DEFAULT_CHUNK_RANGE_MS, DEFAULT_OUT_OF_ORDER_WINDOW_MS, DEFAULT_MAX_SERIES, WalOptions.defaults());
  }

  public HeadOptions withOutOfOrderWindow(long ms) {
    return new HeadOptions(chunkRangeMs, ms, maxSeries, wal);
  }

  public HeadOptions withMaxSeries(int n) {
    return new HeadOptions(chunkRangeMs, outOfOrderWindowMs, n, wal);
  }

  public HeadOptions withChunkRange(long ms) {
    return new HeadOptions(ms, Math.min(outOfOrderWindowMs, ms), maxSeries, wal);
  }

  public HeadOptions withWal(WalOptions w) {
    return new HeadOptions(chunkRangeMs, outOfOrderWindowMs, maxSeries, w);
  }
}
