package io.cairn.kv.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.etcd.jetcd.api.KeyValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The in-memory state of an {@link MvccStore} next to its backend: key index, leases, alarms and the
 * counters. Plain fields: {@link MvccStore} reads them under its read lock and the applier changes
 * them under its write lock. The counters are volatile so single-value getters need no lock; only the
 * applier thread writes them.
 */
final class StoreState {
  final Backend backend;
  final long quotaBytes;
  final TreeIndex index = new TreeIndex();
  final Leases leases = new Leases();
  final Alarms alarms = new Alarms();
  final PendingMembers pendingMembers = new PendingMembers();
  /** Replaced whole by every auth change (applier thread, under the write lock); read without a lock. */
  volatile AuthState auth = AuthState.EMPTY;
  /** {@code auth.bucketBytes()}, kept so the quota check of every apply does not walk users and roles. */
  private long authBytes;
  /**
   * Values written by the apply in progress and not yet committed to the backend, so later writes of
   * the same batch read them. Applier thread only, under the write lock; emptied after every apply.
   */
  final Map<Revision, KeyValue> uncommitted = new HashMap<>();

  volatile long revision = 1;
  volatile long compactRevision;
  volatile long appliedIndex;
  /** Exact bytes of the KEY bucket's keys and values. */
  volatile long keyBytes;

  StoreState(Backend backend, long quotaBytes) {
    this.backend = backend;
    this.quotaBytes = quotaBytes;
  }

  /** Installs a new auth state (applier thread or load, under the write lock). */
  void auth(AuthState next) {
    auth = next;
    authBytes = next.bucketBytes();
  }

  /** The stored KeyValue at a (non-tombstone) revision, or null if compaction removed it. */
  KeyValue readValue(Revision rev) {
    byte[] bytes = backend.get(Bucket.KEY, rev.toBytes());
    return bytes == null ? null : parse(bytes);
  }

  static KeyValue parse(byte[] bytes) {
    try {
      return KeyValue.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt store: undecodable KeyValue: " + e.getMessage(), e);
    }
  }

  /**
   * Exact bytes of keys and values in all buckets, computed from the logical state only, so every
   * member with the same history gets the same number (the quota depends on it).
   */
  long usageBytes() {
    return keyBytes + leases.bucketBytes() + alarms.bucketBytes() + authBytes + pendingMembers.bucketBytes()
        + Meta.bucketBytes(appliedIndex, compactRevision);
  }
}
