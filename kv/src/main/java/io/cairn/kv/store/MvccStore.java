package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.TxnResponse;
import io.etcd.jetcd.api.TxnRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link KvStore}: etcd 3.4's MVCC store, lessor state and alarm store over a {@link Backend}.
 *
 * <h2>Concurrency</h2>
 *
 * One read-write lock. {@link #apply} holds the write lock while it changes the in-memory state
 * (key index, leases, alarms, counters) and commits the command's batch, so readers see the state
 * before or after each apply. Readers hold the read lock only to consult the in-memory state (e.g.
 * resolve a range to revisions); they read values from the backend after releasing it, which is safe
 * because a stored revision never changes: only compaction removes revisions, and only ones that no
 * read at or above the compact revision needs. A read at an older revision that finds a value gone
 * reports COMPACTED, as if it had run after the compaction; a read at the current revision starts
 * over. The physical part of a compaction and the listener calls run on the applier thread after the
 * lock is released. Listeners are called in apply order, never concurrently.
 *
 * <h2>Failure</h2>
 *
 * An unexpected exception during apply (a backend I/O error, a bug) may leave memory and storage
 * apart; the store then refuses every further call with {@link IllegalStateException} and must be
 * reopened, which rebuilds memory from storage: a command whose batch failed was not applied (its
 * index is replayed), an interrupted compaction is finished.
 */
final class MvccStore implements KvStore {
  private static final Logger log = LoggerFactory.getLogger(MvccStore.class);

  private final StoreState s;
  private final Applier applier;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final History history;
  private volatile boolean closed;
  private volatile Throwable failure;

  /**
   * @param quotaBytes the NOSPACE threshold on {@link #sizeInUseBytes()}; 0 or less means none
   */
  MvccStore(Backend backend, long quotaBytes) {
    this.s = new StoreState(backend, quotaBytes);
    StoreLoader.load(s);
    this.applier = new Applier(s);
    this.history = new History(s, lock);
  }

  private void ensureUsable() {
    if (closed) {
      throw new IllegalStateException("store closed");
    }
    if (failure != null) {
      throw new IllegalStateException("store failed and must be reopened: " + failure, failure);
    }
  }

  private void readLock() {
    lock.readLock().lock();
    try {
      ensureUsable();
    } catch (RuntimeException e) {
      lock.readLock().unlock();
      throw e;
    }
  }

  /**
   * Applies a command, or each command of a {@link KvCommand.Batch} in order (each its own etcd
   * revision), committing all their changes and the applied index in one backend write.
   */
  /** Takes the write lock of a usable store (released again if the store is not usable). */
  private void writeLock() {
    lock.writeLock().lock();
    try {
      ensureUsable();
    } catch (RuntimeException e) {
      lock.writeLock().unlock();
      throw e;
    }
  }

  @Override
  public Optional<ApplyResult> apply(long index, KvCommand command) {
    List<KvCommand> commands = command instanceof KvCommand.Batch b ? b.commands() : List.of(command);
    List<Applier.Outcome> outs = new ArrayList<>(commands.size());
    long[] revisions = new long[commands.size()];
    writeLock();
    try {
      if (index <= s.appliedIndex) {
        return Optional.empty();
      }
      WriteBatch batch = new WriteBatch();
      for (int i = 0; i < commands.size(); i++) {
        outs.add(applier.apply(commands.get(i), batch));
        revisions[i] = s.revision;
      }
      commit(index, batch);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      s.uncommitted.clear();
      lock.writeLock().unlock();
    }
    try {
      for (Applier.Outcome out : outs) {
        if (out.compaction() != null) {
          Compactor.run(s, out.compaction().revision(), out.compaction().keep());
          clearQuotaAlarmIfRoom();
        }
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    }
    for (int i = 0; i < outs.size(); i++) {
      List<Event> events = outs.get(i).events();
      if (!events.isEmpty()) {
        for (Listener l : listeners) {
          try {
            l.applied(revisions[i], events);
          } catch (RuntimeException e) {
            log.warn("store listener {} failed at revision {}", l, revisions[i], e);
          }
        }
      }
    }
    if (command instanceof KvCommand.Batch) {
      return Optional.of(new ApplyResult.Batch(outs.stream().map(Applier.Outcome::result).toList()));
    }
    return Optional.of(outs.getFirst().result());
  }

  /**
   * A compaction that freed enough room clears the store's NOSPACE alarm at once, at the same log
   * index on every member (so {@code alarm list} right after the compaction is already empty).
   */
  private void clearQuotaAlarmIfRoom() {
    lock.writeLock().lock();
    try {
      WriteBatch batch = new WriteBatch();
      applier.enforceQuota(batch);
      if (!batch.isEmpty()) {
        s.backend.commit(batch);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Adds the applied index and revision to the batch and commits it; caller holds the write lock. */
  private void commit(long index, WriteBatch batch) {
    batch.put(Bucket.META, Meta.CONSISTENT_INDEX, Meta.longBytes(index));
    batch.put(Bucket.META, Meta.CURRENT_REVISION, Meta.longBytes(s.revision));
    s.backend.commit(batch);
    s.appliedIndex = index;
  }

  @Override
  public void applyNoop(long index) {
    writeLock();
    try {
      if (index > s.appliedIndex) {
        commit(index, new WriteBatch());
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long appliedIndex() {
    return s.appliedIndex;
  }

  @Override
  public void resetForNewCluster() {
    lock.writeLock().lock();
    try {
      ensureUsable();
      commit(0, new WriteBatch()); // applied index 0: the new cluster's log starts from scratch
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long revision() {
    return s.revision;
  }

  @Override
  public long compactRevision() {
    return s.compactRevision;
  }

  /**
   * Resolves revisions under the read lock, then reads values without it. If a compaction removed a
   * value meanwhile, a read at an explicit revision fails with COMPACTED (as if it ran after the
   * compaction) and a read at the current revision starts over at the new current revision.
   */
  @Override
  public RangeResponse range(RangeRequest request) throws EtcdException {
    while (true) {
      RangeQuery.Plan plan;
      readLock();
      try {
        plan = RangeQuery.plan(request, s.index, s.revision, s.compactRevision);
      } finally {
        lock.readLock().unlock();
      }
      try {
        return RangeQuery.finish(request, plan, rev -> storedValue(rev, plan.atRevision()));
      } catch (EtcdException e) {
        if (e.error() != EtcdError.COMPACTED || request.getRevision() > 0) {
          throw e;
        }
      }
    }
  }

  /**
   * Under the read lock throughout, so that its compares and ranges all see one revision (the
   * published one: {@link WriteTxn} reads nothing newer before it writes, and this one never
   * writes); the values are read under the lock too, which holds writers back for the time of a
   * few point reads.
   */
  @Override
  public TxnResponse readOnlyTxn(TxnRequest request) throws EtcdException {
    if (!KvStore.isReadOnly(request)) {
      throw new IllegalArgumentException("readOnlyTxn got a txn that writes");
    }
    readLock();
    try {
      return new TxnApplier(s).apply(new WriteTxn(s, null), request);
    } finally {
      lock.readLock().unlock();
    }
  }

  private KeyValue storedValue(Revision rev, long readAt) throws EtcdException {
    KeyValue kv = s.readValue(rev);
    if (kv == null) {
      if (s.compactRevision > readAt) {
        throw EtcdError.COMPACTED.exception();
      }
      throw new IllegalStateException("key index points at missing revision " + rev);
    }
    return kv;
  }

  @Override
  public List<Event> events(long fromRevision, ByteString key, ByteString rangeEnd, boolean withPrevKv, int maxEvents)
      throws EtcdException {
    ensureUsable();
    return history.events(fromRevision, KeyRange.of(key, rangeEnd), withPrevKv, maxEvents);
  }

  @Override
  public List<Event> withPrevKvs(List<Event> events) {
    ensureUsable();
    return history.withPrevKvs(events);
  }

  @Override
  public Optional<LeaseInfo> lease(long id) {
    readLock();
    try {
      return Optional.ofNullable(s.leases.info(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<LeaseInfo> leases() {
    readLock();
    try {
      return s.leases.all();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public AuthState auth() {
    return s.auth;
  }

  @Override
  public List<io.etcd.jetcd.api.Member> pendingMembers() {
    readLock();
    try {
      return s.pendingMembers.list();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<AlarmMember> alarms() {
    readLock();
    try {
      return s.alarms.get(Alarms.NONE);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public HashResult hashKv(long revision) throws EtcdException {
    ensureUsable();
    return history.hash(revision);
  }

  @Override
  public long sizeBytes() {
    ensureUsable();
    return Math.max(s.backend.sizeBytes(), sizeInUseBytes());
  }

  /** Exact logical bytes (keys and values in all buckets), the same on every member; see the quota. */
  @Override
  public long sizeInUseBytes() {
    readLock();
    try {
      return s.usageBytes();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void defragment() throws IOException {
    ensureUsable();
    s.backend.defragment();
  }

  /** Holds the read lock (so blocks the applier) while the backend writes the checkpoint. */
  @Override
  public void checkpoint(Path dir) throws IOException {
    readLock();
    try {
      s.backend.checkpoint(dir);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        s.backend.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
