package io.cairn.kv.server;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.ApplyResult;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The member's store, which a Raft snapshot install may replace as a whole. Services hold this and
 * never see the swap: listeners move to the new store, and the old one is closed a few seconds later
 * so reads already running on it can finish.
 */
final class SwappableStore implements KvStore {
  private volatile KvStore current;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService closer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kv-store-closer").daemon().factory());

  SwappableStore(KvStore initial) {
    this.current = initial;
    initial.addListener(this::fire);
  }

  private void fire(long revision, List<Event> events) {
    for (Listener l : listeners) {
      l.applied(revision, events);
    }
  }

  /**
   * Puts {@code next} in place; the previous store is closed after a grace period, then {@code
   * afterOldClosed} runs (on the closer thread).
   */
  void replace(KvStore next, Runnable afterOldClosed) {
    KvStore old = current;
    next.addListener(this::fire);
    current = next;
    closer.schedule(
        () -> {
          old.close();
          afterOldClosed.run();
        },
        5,
        TimeUnit.SECONDS);
  }

  @Override
  public Optional<ApplyResult> apply(long index, KvCommand command) {
    return current.apply(index, command);
  }

  @Override
  public void applyNoop(long index) {
    current.applyNoop(index);
  }

  @Override
  public long appliedIndex() {
    return current.appliedIndex();
  }

  @Override
  public long revision() {
    return current.revision();
  }

  @Override
  public long compactRevision() {
    return current.compactRevision();
  }

  @Override
  public RangeResponse range(RangeRequest request) throws EtcdException {
    return current.range(request);
  }

  @Override
  public io.etcd.jetcd.api.TxnResponse readOnlyTxn(io.etcd.jetcd.api.TxnRequest request) throws EtcdException {
    return current.readOnlyTxn(request);
  }

  @Override
  public List<Event> events(long fromRevision, ByteString key, ByteString rangeEnd, boolean withPrevKv, int maxEvents)
      throws EtcdException {
    return current.events(fromRevision, key, rangeEnd, withPrevKv, maxEvents);
  }

  @Override
  public List<Event> withPrevKvs(List<Event> events) {
    return current.withPrevKvs(events);
  }

  @Override
  public Optional<LeaseInfo> lease(long id) {
    return current.lease(id);
  }

  @Override
  public List<LeaseInfo> leases() {
    return current.leases();
  }

  @Override
  public List<AlarmMember> alarms() {
    return current.alarms();
  }

  @Override
  public List<io.etcd.jetcd.api.Member> pendingMembers() {
    return current.pendingMembers();
  }

  @Override
  public io.cairn.kv.store.AuthState auth() {
    return current.auth();
  }

  @Override
  public HashResult hashKv(long revision) throws EtcdException {
    return current.hashKv(revision);
  }

  @Override
  public long sizeBytes() {
    return current.sizeBytes();
  }

  @Override
  public long sizeInUseBytes() {
    return current.sizeInUseBytes();
  }

  @Override
  public void defragment() throws IOException {
    current.defragment();
  }

  @Override
  public void checkpoint(Path dir) throws IOException {
    current.checkpoint(dir);
  }

  @Override
  public void resetForNewCluster() {
    current.resetForNewCluster();
  }

  @Override
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    closer.shutdownNow();
    current.close();
  }
}
