package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import io.cairn.raft.RaftException;
import io.cairn.raft.RaftGroupHandle;
import io.cairn.raft.RaftMember;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batching of {@link Proposals} over a fake Raft group that applies entries to an in-memory store. */
class ProposalsTest {
  private final KvStore store = KvStores.inMemory(-1);
  private final FakeRaft raft = new FakeRaft();
  private final Proposals proposals = new Proposals(raft, 1024);

  @AfterEach
  void close() {
    store.close();
  }

  private static KvCommand.Put put(String k, String v) {
    return new KvCommand.Put(PutRequest.newBuilder().setKey(ByteString.copyFromUtf8(k)).setValue(ByteString.copyFromUtf8(v)).build());
  }

  @Test
  void anIdleGroupGetsEachCommandAloneAndABusyOneGetsTheQueuedOnesAsOneBatch() {
    List<CompletableFuture<PutResponse>> f = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      f.add(proposals.propose(put("k" + i, "v"), PutResponse.class));
    }
    // two went alone at once (MAX_IN_FLIGHT), the other eight wait
    assertThat(raft.entries).hasSize(Proposals.MAX_IN_FLIGHT);
    raft.commitNext(); // the first completes; the eight queued go as one batch
    assertThat(raft.entries).hasSize(Proposals.MAX_IN_FLIGHT);
    assertThat(KvCommand.decode(raft.entries.getLast().bytes)).isInstanceOf(KvCommand.Batch.class);
    raft.commitAll();
    List<Long> revisions = f.stream().map(x -> x.join().getHeader().getRevision()).toList();
    assertThat(revisions).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(raft.proposed).isEqualTo(3);
  }

  @Test
  void eachCommandOfABatchGetsItsOwnError() {
    proposals.propose(put("a", "1"), PutResponse.class);
    proposals.propose(put("b", "1"), PutResponse.class);
    var bad = proposals.propose(new KvCommand.Put(put("c", "1").request().toBuilder().setLease(99).build()), PutResponse.class);
    var good = proposals.propose(put("d", "1"), PutResponse.class);
    raft.commitAll();
    assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(EtcdException.class);
    assertThat(((EtcdException) catchCause(bad)).error()).isEqualTo(EtcdError.LEASE_NOT_FOUND);
    assertThat(good.join().getHeader().getRevision()).isEqualTo(4);
  }

  @Test
  void aBatchRaftDoesNotCommitFailsEveryCommandWithRaftsError() {
    proposals.propose(put("a", "1"), PutResponse.class);
    proposals.propose(put("b", "1"), PutResponse.class);
    var q1 = proposals.propose(put("c", "1"), PutResponse.class);
    var q2 = proposals.propose(put("d", "1"), PutResponse.class);
    raft.commitNext();
    raft.failAll(new RaftException.NoLeader("no leader"));
    assertThat(catchCause(q1)).isInstanceOf(RaftException.NoLeader.class);
    assertThat(catchCause(q2)).isInstanceOf(RaftException.NoLeader.class);
    assertThat(proposals.failed()).isEqualTo(3);
    // and the queue keeps working afterwards
    var later = proposals.propose(put("e", "1"), PutResponse.class);
    raft.commitAll();
    assertThat(later.join().getHeader().getRevision()).isEqualTo(3);
  }

  @Test
  void tooLargeCommandsAreRefusedBeforeRaft() {
    var f = proposals.propose(put("k", "x".repeat(2000)), PutResponse.class);
    assertThat(((EtcdException) catchCause(f)).error()).isEqualTo(EtcdError.REQUEST_TOO_LARGE);
    assertThat(raft.proposed).isZero();
  }

  private static Throwable catchCause(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  /** Holds proposals until the test commits (applies to the store) or fails them, in order. */
  private final class FakeRaft implements RaftGroupHandle {
    record Entry(byte[] bytes, CompletableFuture<byte[]> reply) {}

    final List<Entry> entries = new ArrayList<>();
    int proposed;
    long index;

    @Override
    public CompletableFuture<byte[]> propose(byte[] command) {
      proposed++;
      Entry e = new Entry(command, new CompletableFuture<>());
      entries.add(e);
      return e.reply();
    }

    void commitNext() {
      Entry e = entries.removeFirst();
      e.reply().complete(store.apply(++index, KvCommand.decode(e.bytes())).orElseThrow().encode());
    }

    void commitAll() {
      while (!entries.isEmpty()) {
        commitNext();
      }
    }

    void failAll(Throwable error) {
      while (!entries.isEmpty()) {
        entries.removeFirst().reply().completeExceptionally(error);
      }
    }

    @Override public String memberId() { return "m"; }
    @Override public CompletableFuture<Void> readBarrier() { return CompletableFuture.completedFuture(null); }
    @Override public boolean isLeader() { return true; }
    @Override public Optional<RaftMember> leader() { return Optional.empty(); }
    @Override public long term() { return 1; }
    @Override public long commitIndex() { return index; }
    @Override public long appliedIndex() { return index; }
    @Override public List<RaftMember> members() { return List.of(); }
    @Override public List<RaftMember> learners() { return List.of(); }
    @Override public boolean isLearner() { return false; }
    @Override public CompletableFuture<List<RaftMember>> addLearner(RaftMember m) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<RaftMember>> promoteLearner(String id) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<RaftMember>> addMember(RaftMember m) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<RaftMember>> removeMember(String id) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<RaftMember>> updateMember(RaftMember m) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<Void> transferLeadership(String id) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<Long> takeSnapshot() { throw new UnsupportedOperationException(); }
  }
}
