package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The deterministic state of one etcd keyspace: MVCC key-values keyed by revision, the key index,
 * leases (ID, granted TTL, last checkpointed remaining TTL, attached keys), alarms, and the compaction
 * and applied-index bookkeeping. Every member applies the same {@link KvCommand}s in the same order
 * and so holds the same state and returns the same results.
 *
 * <h2>Semantics</h2>
 *
 * Exactly etcd 3.4's ({@code mvcc/kvstore*.go}, {@code etcdserver/apply.go}): an empty store is at
 * revision 1; each Put, each DeleteRange that deletes something, and each Txn that writes something
 * advances the revision by one (the operations inside one txn share the main revision and take
 * sub-revisions 0, 1, ...); a key's {@code create_revision}, {@code mod_revision}, {@code version}
 * and {@code lease} behave as in etcd; deleting a key resets its version; range end {@code "\0"}
 * means "to the end", and an empty range end means "just this key".
 *
 * <h2>Threads</h2>
 *
 * {@link #apply} is called by one thread at a time (the Raft applier), in log order. Every other
 * method may be called from any thread concurrently with apply and sees a consistent state: either
 * before or after any one apply, never in between.
 *
 * <h2>Durability</h2>
 *
 * The applied index is stored atomically with the effects of the command at that index, so after a
 * crash {@link #appliedIndex()} tells exactly which Raft entries must be replayed; apply of an index at
 * or below it is a no-op.
 */
public interface KvStore extends AutoCloseable {

  /**
   * Applies one committed command.
   *
   * @param index the Raft log index of the command; must be greater than {@link #appliedIndex()},
   *     else the call changes nothing and returns {@link Optional#empty()}
   * @return the result (a response or an etcd error such as {@link EtcdError#LEASE_NOT_FOUND}), or
   *     empty for a replayed index
   */
  Optional<ApplyResult> apply(long index, KvCommand command);

  /**
   * Records that a Raft entry with no kv command (a configuration change, a leader's no-op) was
   * applied at {@code index}, so the applied index stays contiguous.
   */
  void applyNoop(long index);

  /** The highest Raft index whose effects are in this store; 0 for a new store. */
  long appliedIndex();

  /** The current revision; 1 for an empty store. */
  long revision();

  /** The revision the store was last compacted at; 0 if never. */
  long compactRevision();

  /**
   * A range read on this member's state (the caller decides consistency). Honours every field of
   * {@link RangeRequest}: key and range_end (prefixes, {@code "\0"}), limit, revision (0 = current),
   * sort order and target, keys_only, count_only, min/max mod and create revision; sets {@code more}
   * and {@code count} as etcd does. Sets only {@code header.revision}.
   *
   * @throws EtcdException {@link EtcdError#COMPACTED} below the compact revision, {@link
   *     EtcdError#FUTURE_REV} above the current one
   */
  RangeResponse range(RangeRequest request) throws EtcdException;

  /**
   * A txn without puts or deletes ({@link #isReadOnly}), evaluated on this member's state at its
   * current revision, as etcd 3.4 serves one without a Raft entry (the caller decides consistency:
   * a linearizable read barrier first, unless every range in it is serializable). The same checks
   * and answers as the txn applied through Raft: compares, then each taken range's revision
   * (compacted, future), then the ranges.
   *
   * @throws IllegalArgumentException if the txn writes
   */
  TxnResponse readOnlyTxn(TxnRequest request) throws EtcdException;

  /** etcd's {@code isTxnReadonly}: no put or delete anywhere in the txn, in either branch, at any depth. */
  static boolean isReadOnly(TxnRequest request) {
    return !TxnApplier.hasWrites(request);
  }

  /**
   * History for watchers: the events with revision {@code >= fromRevision} on keys in {@code [key,
   * rangeEnd)} (empty rangeEnd: just {@code key}; {@code "\0"}: to the end), in revision order then
   * sub-revision order, at most {@code maxEvents} (whole revisions may be cut; the caller resumes from
   * the last returned revision's successor or from that revision's next event; {@code maxEvents <= 0}
   * returns none). {@code fromRevision <= 0} means all retained history, from {@link
   * #compactRevision()} + 1. Each event's {@code prev_kv} is set when {@code withPrevKv} and the key
   * had a previous version that is not compacted (its value at the event's revision - 1, as etcd's
   * watch server reads it). A DELETE event's kv holds the key with {@code mod_revision} set to the
   * deletion's revision.
   *
   * @throws EtcdException {@link EtcdError#COMPACTED} if {@code 0 < fromRevision < compactRevision()}
   *     (the revisions kept at the compact revision itself can still be read, as in etcd)
   */
  List<Event> events(long fromRevision, ByteString key, ByteString rangeEnd, boolean withPrevKv, int maxEvents)
      throws EtcdException;

  /**
   * {@code events} (as a {@link Listener} received them) with each {@code prev_kv} set as {@link
   * #events} sets it: the key's value at the event's revision - 1, unless that is compacted or the
   * key did not exist. Reads storage once per event that has a previous version.
   */
  List<Event> withPrevKvs(List<Event> events);

  /** A lease by ID, if it exists (not yet revoked or expired-and-revoked). */
  Optional<LeaseInfo> lease(long id);

  /** All leases, by ID. */
  List<LeaseInfo> leases();

  /** Raised alarms (set through {@link KvCommand.Alarm}, or NOSPACE raised by the quota). */
  List<AlarmMember> alarms();

  /** The current auth state (users, roles, whether auth is on); never null; safe from any thread. */
  AuthState auth();

  /**
   * Members added ({@link KvCommand.MemberPendingAdd}) and not yet forgotten, by ID; a copy, safe from
   * any thread. Some may have joined the Raft configuration already: the caller filters those.
   */
  List<io.etcd.jetcd.api.Member> pendingMembers();

  /**
   * etcd's HashKV: a CRC-32C (Castagnoli) over the MVCC key-values with revision {@code <= revision}
   * (0 = current) and above the compact revision, in the byte order etcd hashes them, so that members
   * with the same history agree.
   *
   * @throws EtcdException {@link EtcdError#COMPACTED} or {@link EtcdError#FUTURE_REV}
   */
  HashResult hashKv(long revision) throws EtcdException;

  record HashResult(int hash, long compactRevision, long revision) {}

  /** Bytes the backend occupies on disk (etcd's {@code dbSize}). */
  long sizeBytes();

  /** Bytes logically in use (etcd's {@code dbSizeInUse}); at most {@link #sizeBytes()}. */
  long sizeInUseBytes();

  /** Reclaims space freed by compaction without stopping service; may take a while; thread-safe. */
  void defragment() throws IOException;

  /**
   * Writes a consistent, self-contained copy of the whole state (as of one applied index) into
   * {@code dir}, which must not exist. It can be opened as a store, streamed as a snapshot, or
   * installed on a lagging member.
   */
  void checkpoint(Path dir) throws IOException;

  /**
   * Called on the applier thread after each apply that changed keys, with the events it produced
   * in order and the new revision. The events carry no {@code prev_kv}; a listener that needs it
   * asks {@link #withPrevKvs} (as etcd's watch server reads it only for watchers that asked), so
   * writes do not pay a storage read per changed key. Listeners must not block.
   */
  void addListener(Listener listener);

  @FunctionalInterface
  interface Listener {
    void applied(long revision, List<Event> events);
  }

  /** A lease as the store knows it; {@code keys} are the attached keys in key order. */
  record LeaseInfo(long id, long grantedTtlSeconds, long remainingTtlSeconds, List<ByteString> keys) {}

  /**
   * Prepares a store restored from a snapshot to start a new cluster: forgets the old cluster's Raft
   * position (the applied index becomes 0, so the new log's entries are applied) and keeps everything
   * else (keys, revisions, leases, alarms). Only for a store no Raft group is using.
   */
  void resetForNewCluster();

  @Override
  void close();
}
