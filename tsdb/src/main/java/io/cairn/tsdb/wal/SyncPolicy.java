package io.cairn.tsdb.wal;

/** When {@link Wal#log} makes records durable. */
public enum SyncPolicy {
  /**
   * The default: {@code log} returns after the records are written and the segment is fsynced
   * ({@code fsync}). An acknowledged record survives {@code kill -9}, a kernel crash and a power
   * loss. Concurrent callers share fsyncs (group commit): a caller whose records were covered by
   * another caller's fsync returns without one of its own.
   */
  PER_BATCH,

  /**
   * Prometheus's behaviour: {@code log} returns once the records are written to the file (the
   * kernel's page cache); segments are fsynced when they are completed and on {@link Wal#close}. An
   * acknowledged record survives {@code kill -9} of the process, not a kernel crash or power loss.
   */
  ON_SEGMENT_CLOSE
}
