package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.CompactionResponse;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.TxnResponse;
import java.util.List;
import java.util.Set;

/**
 * Applies one {@link KvCommand} to the {@link StoreState}, as etcd's {@code applierV3} chain: the
 * CORRUPT alarm rejects every write (etcd's {@code applierV3Corrupt}), the NOSPACE alarm rejects Put,
 * Txn with a put and LeaseGrant (etcd's {@code applierV3Capped}); then {@code applierV3backend}.
 *
 * <p>Every failure is detected before the first change, so a failed command changes nothing. Runs on
 * the applier thread under the store's write lock; writes go to {@code batch}, which the caller
 * commits together with the applied index.
 */
final class Applier {
  /** The result, the watch events, and a compaction whose physical part the caller must run. */
  record Outcome(ApplyResult result, List<Event> events, Compaction compaction) {
    static Outcome of(Message response) {
      return new Outcome(new ApplyResult.Ok(response), List.of(), null);
    }

    static Outcome failed(EtcdError error) {
      return new Outcome(new ApplyResult.Failed(error), List.of(), null);
    }
  }

  /** A compaction applied to the index; the revisions at or below {@code revision} to keep. */
  record Compaction(long revision, Set<Revision> keep) {}

  private final StoreState s;
  private final TxnApplier txns;
  private final AuthApplier auth;

  Applier(StoreState s) {
    this.s = s;
    this.txns = new TxnApplier(s);
    this.auth = new AuthApplier(s);
  }

  Outcome apply(KvCommand command, WriteBatch batch) {
    enforceQuota(batch);
    EtcdError gate = gate(command);
    if (gate != null) {
      return Outcome.failed(gate);
    }
    try {
      return switch (command) {
        case KvCommand.Put p -> {
          if (p.request().getLease() != 0 && !s.leases.exists(p.request().getLease())) {
            throw EtcdError.LEASE_NOT_FOUND.exception();
          }
          WriteTxn tx = new WriteTxn(s, batch);
          var resp = KvOps.put(tx, p.request(), false);
          yield written(tx, resp);
        }
        case KvCommand.DeleteRange d -> {
          WriteTxn tx = new WriteTxn(s, batch);
          yield written(tx, KvOps.deleteRange(tx, d.request()));
        }
        case KvCommand.Txn t -> txn(t, batch);
        case KvCommand.Compact c -> compact(c.request().getRevision(), batch);
        case KvCommand.LeaseGrant g -> grant(g.request(), batch);
        case KvCommand.LeaseRevoke r -> revoke(r.request().getID(), batch);
        case KvCommand.LeaseCheckpoint cp -> {
          for (KvCommand.LeaseCheckpoint.Remaining r : cp.leases()) {
            byte[] value = s.leases.checkpoint(r.id(), r.remainingTtlSeconds());
            if (value != null) {
              batch.put(Bucket.LEASE, Leases.idKey(r.id()), value);
            }
          }
          yield Outcome.of(Empty.getDefaultInstance());
        }
        case KvCommand.Alarm a -> Outcome.of(alarm(a.request(), batch));
        case AuthCommand a -> Outcome.of(auth.apply(a, batch));
        case KvCommand.MemberPendingAdd m -> {
          EtcdError refusal = s.pendingMembers.refusal(m.member());
          if (refusal != null) {
            yield Outcome.failed(refusal);
          }
          s.pendingMembers.add(m.member(), batch);
          yield Outcome.of(Empty.getDefaultInstance());
        }
        case KvCommand.MemberPendingRemove m -> s.pendingMembers.remove(m.id(), batch)
            ? Outcome.of(Empty.getDefaultInstance())
            : Outcome.failed(EtcdError.MEMBER_NOT_FOUND);
        case KvCommand.Batch b -> throw new IllegalArgumentException("the store applies a batch command by command");
      };
    } catch (EtcdException e) {
      return Outcome.failed(e.error());
    }
  }

  /**
   * Raises NOSPACE (member 0) when the logical size exceeds the quota, and clears that alarm once it
   * no longer does (etcd needs an operator's disarm). Uses {@link StoreState#usageBytes()}, not the
   * file size, so that every member decides the same.
   */
  void enforceQuota(WriteBatch batch) {
    if (s.quotaBytes <= 0) {
      return;
    }
    boolean over = s.usageBytes() > s.quotaBytes;
    boolean raised = s.alarms.contains(0, Alarms.NOSPACE);
    if (over && !raised) {
      AlarmMember m = Alarms.member(0, Alarms.NOSPACE);
      s.alarms.activate(m);
      batch.put(Bucket.ALARM, m.toByteArray(), new byte[0]);
    } else if (!over && raised) {
      AlarmMember m = s.alarms.deactivate(0, Alarms.NOSPACE);
      batch.delete(Bucket.ALARM, m.toByteArray());
    }
  }

  /** The error an alarm imposes on this command, or null. */
  private EtcdError gate(KvCommand c) {
    boolean kvOrLeaseWrite =
        !(c instanceof KvCommand.Alarm || c instanceof KvCommand.LeaseCheckpoint || c instanceof AuthCommand
            || c instanceof KvCommand.MemberPendingAdd || c instanceof KvCommand.MemberPendingRemove);
    if (s.alarms.active(Alarms.CORRUPT) && kvOrLeaseWrite) {
      return EtcdError.CORRUPT;
    }
    boolean adds =
        c instanceof KvCommand.Put
            || c instanceof KvCommand.LeaseGrant
            || (c instanceof KvCommand.Txn t && TxnApplier.hasPuts(t.request()));
    if (s.alarms.active(Alarms.NOSPACE) && adds) {
      return EtcdError.NO_SPACE;
    }
    return null;
  }

  private static Outcome written(WriteTxn tx, Message response) {
    tx.end();
    return new Outcome(new ApplyResult.Ok(response), List.copyOf(tx.events()), null);
  }

  private Outcome txn(KvCommand.Txn t, WriteBatch batch) throws EtcdException {
    WriteTxn tx = new WriteTxn(s, batch);
    TxnResponse resp;
    try {
      resp = txns.apply(tx, t.request());
    } catch (EtcdException e) {
      if (tx.hasChanges()) {
        throw new IllegalStateException("txn failed after writing: " + e.getMessage(), e);
      }
      throw e;
    }
    return written(tx, resp);
  }

  private Outcome compact(long rev, WriteBatch batch) throws EtcdException {
    if (rev <= s.compactRevision) {
      throw EtcdError.COMPACTED.exception();
    }
    if (rev > s.revision) {
      throw EtcdError.FUTURE_REV.exception();
    }
    s.compactRevision = rev;
    batch.put(Bucket.META, Meta.SCHEDULED_COMPACT, Meta.compactBytes(rev));
    Set<Revision> keep = s.index.compact(rev);
    var resp = CompactionResponse.newBuilder().setHeader(KvOps.header(s.revision)).build();
    return new Outcome(new ApplyResult.Ok(resp), List.of(), new Compaction(rev, keep));
  }

  private Outcome grant(LeaseGrantRequest g, WriteBatch batch) throws EtcdException {
    if (g.getID() == 0) {
      throw EtcdError.LEASE_NOT_FOUND.exception();
    }
    if (g.getTTL() > Leases.MAX_TTL_SECONDS) {
      throw EtcdError.LEASE_TTL_TOO_LARGE.exception();
    }
    if (s.leases.exists(g.getID())) {
      throw EtcdError.LEASE_EXIST.exception();
    }
    batch.put(Bucket.LEASE, Leases.idKey(g.getID()), s.leases.grant(g.getID(), g.getTTL(), 0));
    return Outcome.of(
        LeaseGrantResponse.newBuilder()
            .setHeader(KvOps.header(s.revision))
            .setID(g.getID())
            .setTTL(g.getTTL())
            .build());
  }

  /** etcd's {@code lessor.Revoke}: deletes the keys (in key order) in one revision, then the lease. */
  private Outcome revoke(long id, WriteBatch batch) throws EtcdException {
    KvStore.LeaseInfo lease = s.leases.info(id);
    if (lease == null) {
      throw EtcdError.LEASE_NOT_FOUND.exception();
    }
    WriteTxn tx = new WriteTxn(s, batch);
    for (ByteString key : lease.keys()) {
      tx.deleteRange(KeyRange.single(key));
    }
    s.leases.revoke(id);
    batch.delete(Bucket.LEASE, Leases.idKey(id));
    tx.end();
    var resp = LeaseRevokeResponse.newBuilder().setHeader(KvOps.header(s.revision)).build();
    return new Outcome(new ApplyResult.Ok(resp), List.copyOf(tx.events()), null);
  }

  /** etcd's {@code applierV3backend.Alarm}: the response lists the alarm activated or deactivated. */
  private AlarmResponse alarm(AlarmRequest a, WriteBatch batch) {
    AlarmResponse.Builder resp = AlarmResponse.newBuilder().setHeader(KvOps.header(s.revision));
    int type = a.getAlarmValue();
    switch (a.getAction()) {
      case GET -> resp.addAllAlarms(s.alarms.get(type));
      case ACTIVATE -> {
        if (type != Alarms.NONE) {
          AlarmMember m = Alarms.member(a.getMemberID(), type);
          AlarmMember existing = s.alarms.activate(m);
          if (existing == null) {
            batch.put(Bucket.ALARM, m.toByteArray(), new byte[0]);
          }
          resp.addAlarms(existing == null ? m : existing);
        }
      }
      case DEACTIVATE -> {
        AlarmMember m = s.alarms.deactivate(a.getMemberID(), type);
        if (m != null) {
          batch.delete(Bucket.ALARM, m.toByteArray());
          resp.addAlarms(m);
        }
      }
      default -> {}
    }
    return resp.build();
  }
}
