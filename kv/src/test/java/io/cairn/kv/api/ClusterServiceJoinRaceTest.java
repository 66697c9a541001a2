package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import io.cairn.raft.RaftGroupHandle;
import io.cairn.raft.RaftMember;
import io.etcd.jetcd.api.MemberAddRequest;
import io.etcd.jetcd.api.MemberAddResponse;
import io.etcd.jetcd.api.MemberRemoveRequest;
import io.etcd.jetcd.api.MemberRemoveResponse;
import io.grpc.stub.StreamObserver;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leader's completion of a member add against a member remove taken meanwhile, over a fake Raft
 * group that applies proposals at once and holds configuration changes until the test lets them
 * commit.
 */
class ClusterServiceJoinRaceTest {
  private final KvStore store = KvStores.inMemory(-1);
  private final FakeRaft raft = new FakeRaft();
  private final ClusterService cluster = new ClusterService(raft, store, new Proposals(raft, 1 << 20),
      new Headers(1, 1, () -> 1L), "token",
      new AuthGuard(store, 60_000, System::currentTimeMillis, false, null));

  @AfterEach
  void close() {
    cluster.close();
    store.close();
  }

  @Test
  void aMemberRemovedWhileItsJoinIsInFlightIsTakenOutAgainOnceTheJoinCommits() throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      long id = joinInFlight(peer);

      MemberRemoveResponse removed = call(o -> cluster.memberRemove(MemberRemoveRequest.newBuilder().setID(id).build(), o));
      assertThat(removed.getMembersList()).extracting(m -> m.getID()).doesNotContain(id);
      assertThat(store.pendingMembers()).isEmpty();
      assertThat(raft.removed).as("the remove looked before the join committed: nothing to remove yet").isEmpty();

      raft.commitPendingChange(); // the join commits after the remove
      await(() -> raft.removed.contains(Members.hex(id)), "the leader undid the join");
      assertThat(raft.members).extracting(RaftMember::id).doesNotContain(Members.hex(id));
    }
  }

  @Test
  void aFailedUndoIsTriedAgainByTheDriver() throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      long id = joinInFlight(peer);
      MemberRemoveResponse answer = call(o -> cluster.memberRemove(MemberRemoveRequest.newBuilder().setID(id).build(), o));
      assertThat(answer.getMembersList()).extracting(m -> m.getID()).doesNotContain(id);
      raft.removalsToFail.set(1);
      raft.commitPendingChange();
      await(() -> raft.removed.contains(Members.hex(id)), "a later driver round undid the join");
      assertThat(raft.removalsToFail.get()).as("the first attempt failed").isNegative();
      assertThat(raft.members).extracting(RaftMember::id).doesNotContain(Members.hex(id));
    }
  }

  @Test
  void aJoinThatCommitsWithoutARemoveForgetsThePendingRecordAndKeepsTheMember() throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      long id = joinInFlight(peer);
      raft.commitPendingChange();
      await(() -> store.pendingMembers().isEmpty(), "the record was forgotten");
      Thread.sleep(2 * ClusterService.DRIVE_PERIOD_MILLIS); // a few more driver rounds change nothing
      assertThat(raft.removed).isEmpty();
      assertThat(raft.members).extracting(RaftMember::id).contains(Members.hex(id));
    }
  }

  /** Adds the member listening on {@code peer} and waits until the leader's Raft change for it is in flight. */
  private long joinInFlight(ServerSocket peer) throws Exception {
    long id = add("http://127.0.0.1:" + peer.getLocalPort());
    cluster.start();
    await(() -> raft.pendingChange != null, "the leader asked Raft to add the member");
    return id;
  }

  private long add(String peerUrl) throws Exception {
    MemberAddResponse r = call(o -> cluster.memberAdd(MemberAddRequest.newBuilder().addPeerURLs(peerUrl).build(), o));
    assertThat(store.pendingMembers()).hasSize(1);
    return r.getMember().getID();
  }

  private static <T> T call(java.util.function.Consumer<StreamObserver<T>> method) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    method.accept(new StreamObserver<>() {
      @Override public void onNext(T value) { result.complete(value); }
      @Override public void onError(Throwable t) { result.completeExceptionally(t); }
      @Override public void onCompleted() { }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Applies proposals at once; holds an add until {@link #commitPendingChange}; removes at once. */
  private final class FakeRaft implements RaftGroupHandle {
    final List<RaftMember> members = new CopyOnWriteArrayList<>(List.of(
        new Members.Info(1, "self", List.of("http://127.0.0.1:1"), List.of("http://127.0.0.1:2")).toRaft()));
    final List<String> removed = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger removalsToFail = new java.util.concurrent.atomic.AtomicInteger();
    volatile RaftMember pendingMember;
    volatile CompletableFuture<List<RaftMember>> pendingChange;
    long index;

    @Override
    public synchronized CompletableFuture<byte[]> propose(byte[] command) {
      return CompletableFuture.completedFuture(store.apply(++index, KvCommand.decode(command)).orElseThrow().encode());
    }

    void commitPendingChange() {
      members.add(pendingMember);
      pendingChange.complete(List.copyOf(members));
    }

    @Override
    public CompletableFuture<List<RaftMember>> addMember(RaftMember m) {
      pendingMember = m;
      pendingChange = new CompletableFuture<>();
      return pendingChange;
    }

    @Override
    public CompletableFuture<List<RaftMember>> removeMember(String id) {
      if (removalsToFail.getAndDecrement() > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("reconfiguration in progress"));
      }
      members.removeIf(m -> m.id().equals(id));
      removed.add(id); // after the configuration changed: the test waits on this list
      return CompletableFuture.completedFuture(List.copyOf(members));
    }

    @Override public String memberId() { return Members.hex(1); }
    @Override public CompletableFuture<Void> readBarrier() { return CompletableFuture.completedFuture(null); }
    @Override public boolean isLeader() { return true; }
    @Override public Optional<RaftMember> leader() { return Optional.of(members.getFirst()); }
    @Override public long term() { return 1; }
    @Override public synchronized long commitIndex() { return index; }
    @Override public synchronized long appliedIndex() { return index; }
    @Override public List<RaftMember> members() { return List.copyOf(members); }
    @Override public List<RaftMember> learners() { return List.of(); }
    @Override public boolean isLearner() { return false; }
    @Override public CompletableFuture<List<RaftMember>> addLearner(RaftMember m) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<RaftMember>> promoteLearner(String id) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<RaftMember>> updateMember(RaftMember m) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<Void> transferLeadership(String id) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<Long> takeSnapshot() { throw new UnsupportedOperationException(); }
  }
}
