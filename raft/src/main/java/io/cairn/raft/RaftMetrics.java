package io.cairn.raft;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one {@link RaftNode}, summed over its groups, for the caller to export under etcd's
 * metric names. Thread-safe; every value only grows except {@link #proposalsPending()}.
 */
public final class RaftMetrics {
  private final LongAdder leaderChanges = new LongAdder();
  private final LongAdder applied = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder pending = new LongAdder();
  private final LongAdder snapshotsInstalled = new LongAdder();
  private volatile java.util.function.LongConsumer walFsync = nanos -> {};

  RaftMetrics() {}

  /** Leader changes seen by this node's groups (etcd_server_leader_changes_seen_total). */
  public long leaderChangesSeen() {
    return leaderChanges.sum();
  }

  /** Commands applied to a state machine on this node (etcd_server_proposals_applied_total). */
  public long proposalsApplied() {
    return applied.sum();
  }

  /** Proposals made through this node that failed (etcd_server_proposals_failed_total). */
  public long proposalsFailed() {
    return failed.sum();
  }

  /** Proposals made through this node not yet completed (etcd_server_proposals_pending). */
  public long proposalsPending() {
    return pending.sum();
  }

  /** Snapshots loaded into a state machine (from the leader or at start-up). */
  public long snapshotsInstalled() {
    return snapshotsInstalled.sum();
  }

  /**
   * Receives the duration in nanoseconds of every fsync of this node's Raft logs (etcd's WAL fsync),
   * on the log worker thread right after it; must be quick and thread-safe. Replaces any earlier one.
   */
  public void onWalFsync(java.util.function.LongConsumer listener) {
    walFsync = java.util.Objects.requireNonNull(listener, "listener");
  }

  void walFsynced(long nanos) {
    walFsync.accept(nanos);
  }

  void leaderChanged() {
    leaderChanges.increment();
  }

  void applied() {
    applied.increment();
  }

  void proposalStarted() {
    pending.increment();
  }

  void proposalEnded(boolean ok) {
    pending.decrement();
    if (!ok) {
      failed.increment();
    }
  }

  void snapshotInstalled() {
    snapshotsInstalled.increment();
  }
}
