package io.cairn.tsdb.wal;

/**
 * Hooks for metrics and logs (for example {@code prometheus_tsdb_wal_fsync_duration_seconds},
 * {@code prometheus_tsdb_wal_segment_current}); this package has no metrics dependency. Methods are
 * called on the thread doing the work, sometimes while the WAL's lock is held: they must be cheap,
 * must not block, must not throw and must not call back into the {@link Wal}.
 */
public interface WalListener {
  /** A listener that ignores everything. */
  WalListener NONE = new WalListener() {};

  /** A segment was fsynced; {@code nanos} is how long the {@code fsync} took. */
  default void fsynced(long nanos) {}

  /** Segment {@code index} was created and is now the one written to. */
  default void segmentCreated(int index) {}

  /** {@link Wal#open} cut off a torn end of the last segment. */
  default void repaired(Repair repair) {}
}
