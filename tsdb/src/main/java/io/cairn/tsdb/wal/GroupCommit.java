package io.cairn.tsdb.wal;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for {@link SyncPolicy#PER_BATCH}: a caller that needs batch {@code n} durable waits
 * for the fsync lock; if an fsync that started after batch {@code n} was written has completed
 * meanwhile, it returns at once, otherwise it fsyncs everything written so far on behalf of all
 * waiting callers. Writers keep appending while an fsync runs.
 */
final class GroupCommit {
  /**
   * The state to make durable, taken under the WAL's lock: the number of batches written, and the
   * segment they end in, or null when the WAL was closed (closing fsynced it) or failed. Segment
   * changes fsync the old segment before the first write to the new one, so an fsync of the
   * current segment covers every batch counted.
   */
  record Point(long batches, SegmentFile segment) {}

  /** The WAL side: what to sync, and what to do when an fsync fails (returns what to throw). */
  interface Target {
    Point point();

    IOException failed(IOException e);
  }

  private final ReentrantLock lock = new ReentrantLock();
  private long synced; // guarded by lock

  /** Returns when batch {@code batch} and every earlier one are fsynced. */
  void syncThrough(long batch, Target target, WalListener listener) throws IOException {
    lock.lock();
    try {
      if (synced >= batch) {
        return;
      }
      Point p = target.point();
      if (p.segment() != null) {
        try {
          p.segment().sync(listener); // a no-op if a segment change or close() closed it meanwhile
        } catch (IOException e) {
          throw target.failed(e);
        }
      }
      synced = p.batches();
    } finally {
      lock.unlock();
    }
  }
}
