package io.cairn.tsdb.wal;

import java.util.Objects;

/**
 * How a {@link Wal} writes.
 *
 * @param segmentSize the size at which a segment is completed and the next started: a multiple of
 *     the 32 KiB page between 32 KiB and 1 GiB; default {@value Format#DEFAULT_SEGMENT_SIZE} bytes
 *     (128 MiB, as Prometheus). A record never spans segments, so a record larger than what is left
 *     starts a new segment, and a record larger than a whole segment makes that segment longer.
 * @param syncPolicy when {@code log} fsyncs; default {@link SyncPolicy#PER_BATCH}
 * @param listener metrics hooks; default {@link WalListener#NONE}
 */
public record WalOptions(int segmentSize, SyncPolicy syncPolicy, WalListener listener) {
  public WalOptions {
    Objects.requireNonNull(syncPolicy, "syncPolicy");
    Objects.requireNonNull(listener, "listener");
    if (segmentSize < Format.PAGE_SIZE || segmentSize > Format.MAX_SEGMENT_SIZE
        || segmentSize % Format.PAGE_SIZE != 0) {
      throw new IllegalArgumentException("WAL segment size must be a multiple of " + Format.PAGE_SIZE
          + " bytes between " + Format.PAGE_SIZE + " and " + Format.MAX_SEGMENT_SIZE + ", got " + segmentSize);
    }
  }

  /** 128 MiB segments, fsync per {@code log} call, no listener. */
  public static WalOptions defaults() {
    return new WalOptions(Format.DEFAULT_SEGMENT_SIZE, SyncPolicy.PER_BATCH, WalListener.NONE);
  }

  public WalOptions withSegmentSize(int bytes) {
    return new WalOptions(bytes, syncPolicy, listener);
  }

  public WalOptions withSyncPolicy(SyncPolicy policy) {
    return new WalOptions(segmentSize, policy, listener);
  }

  public WalOptions withListener(WalListener l) {
    return new WalOptions(segmentSize, syncPolicy, l);
  }
}
