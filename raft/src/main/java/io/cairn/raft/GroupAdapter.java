package io.cairn.raft;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine of one group: adapts Ratis' callbacks to a {@link GroupStateMachine}.
 *
 * <p>Threads: Ratis calls {@link #applyTransaction}, {@link #notifyTermIndexUpdated}, {@link
 * #takeSnapshot}, {@link #pause} and {@link #reinitialize} from the group's single
 * StateMachineUpdater thread, in log order, and {@link #initialize} before that thread starts; so
 * every call into the {@link GroupStateMachine} except {@code leaderChanged} happens one at a time.
 * {@code leaderChanged} runs on the node's serial event executor, never on a Ratis thread.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Ratis replays the log from the latest snapshot (it starts applying at {@code
 *       getLatestSnapshot().getIndex() + 1}; Ratis 3.3 offers no other hook). The state machine is
 *       durable on its own, so entries at or below {@code sm.appliedIndex()} are skipped here
 *       without calling it: a restart re-reads at most {@code snapshotEveryEntries} entries and
 *       re-applies none.
 *   <li>If the state machine is behind the latest snapshot (fresh or lost state), the snapshot is
 *       installed into it before any entry is applied.
 *   <li>{@link #applied} only grows and is advanced after the entry's effects are in the state
 *       machine, so a waiter released by it can read its effects.
 *   <li>If {@code apply} throws, the exception propagates into Ratis, which stops this group (like
 *       etcd panicking): skipping the entry would make this member diverge.
 * </ul>
 */
final class GroupAdapter extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(GroupAdapter.class);
  private static final byte[] EMPTY = new byte[0];

  private final String groupName;
  private final GroupStateMachine sm;
  private final RaftMetrics metrics;
  private final Executor events;
  private final SnapshotStore store = new SnapshotStore();
  private final AppliedIndex applied = new AppliedIndex(-1);
  private volatile RaftPeerId lastLeader;

  GroupAdapter(String groupName, GroupStateMachine sm, RaftMetrics metrics, Executor events) {
    this.groupName = groupName;
    this.sm = sm;
    this.metrics = metrics;
    this.events = events;
  }

  AppliedIndex applied() {
    return applied;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage)
      throws IOException {
    getLifeCycle()
        .startAndTransition(
            () -> {
              super.initialize(server, groupId, storage);
              store.init(storage);
              SnapshotStore.Snapshot s = store.latest();
              if (s != null && sm.appliedIndex() < s.index()) {
                LOG.info("group {}: state machine at {} is behind snapshot {}; installing it",
                    groupName, sm.appliedIndex(), s.termIndex());
                installInto(s);
              } else if (s != null) {
                setLastAppliedTermIndex(s.termIndex());
                applied.advance(s.index());
              }
            },
            IOException.class);
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return store;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    long index = entry.getIndex();
    long term = entry.getTerm();
    byte[] reply = EMPTY;
    if (!alreadyApplied(index)) {
      byte[] command = entry.getStateMachineLogEntry().getLogData().toByteArray();
      try {
        reply = sm.apply(index, term, command);
      } catch (RuntimeException | Error e) {
        LOG.error("group {}: apply of entry {} failed; stopping the group", groupName, index, e);
        throw e;
      }
      metrics.applied();
    }
    updateLastAppliedTermIndex(term, index);
    applied.advance(index);
    return CompletableFuture.completedFuture(
        Message.valueOf(UnsafeByteOperations.unsafeWrap(reply == null ? EMPTY : reply)));
  }

  /** An entry without a command: the leader's first entry of its term or a configuration. */
  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    if (!alreadyApplied(index)) {
      sm.applyNoop(index, term);
    }
    updateLastAppliedTermIndex(term, index);
    applied.advance(index);
  }

  private boolean alreadyApplied(long index) {
    long smApplied = sm.appliedIndex();
    return smApplied > 0 && index <= smApplied;
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex last = getLastAppliedTermIndex();
    if (last == null || last.getIndex() < 0) {
      return RaftLog.INVALID_LOG_INDEX;
    }
    SnapshotStore.Snapshot s =
        store.take(
            dir -> {
              long index = sm.snapshot(dir);
              return TermIndex.valueOf(termOf(index, last), index);
            });
    LOG.debug("group {}: snapshot at {}", groupName, s.termIndex());
    return s.index();
  }

  private long termOf(long index, TermIndex last) throws IOException {
    if (index == last.getIndex()) {
      return last.getTerm();
    }
    TermIndex inLog = getServer().join().getDivision(getGroupId()).getRaftLog().getTermIndex(index);
    if (inLog != null) {
      return inLog.getTerm();
    }
    SnapshotStore.Snapshot latest = store.latest();
    if (latest != null && latest.index() == index) {
      return latest.termIndex().getTerm();
    }
    throw new IOException("group " + groupName + ": no term known for snapshot index " + index);
  }

  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  /** Ratis installed a snapshot from the leader into our storage: load it into the state. */
  @Override
  public void reinitialize() throws IOException {
    SnapshotStore.Snapshot s = store.reload();
    if (s == null) {
      throw new IOException("group " + groupName + ": no snapshot found after install");
    }
    LOG.info("group {}: installing snapshot {} received from the leader", groupName, s.termIndex());
    installInto(s);
    if (getLifeCycleState() == LifeCycle.State.PAUSED) {
      getLifeCycle().transition(LifeCycle.State.STARTING);
      getLifeCycle().transition(LifeCycle.State.RUNNING);
    }
  }

  private void installInto(SnapshotStore.Snapshot s) throws IOException {
    sm.install(s.stateDir());
    metrics.snapshotInstalled();
    setLastAppliedTermIndex(s.termIndex());
    applied.advance(s.index());
  }

  /** A barrier query: the read path only needs Ratis to have waited for the read index. */
  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId memberId, RaftPeerId leaderId) {
    if (leaderId != null && !leaderId.equals(lastLeader)) {
      lastLeader = leaderId;
      metrics.leaderChanged();
    }
    events.execute(() -> tellLeaderChanged(leaderId));
  }

  private void tellLeaderChanged(RaftPeerId leaderId) {
    Optional<RaftMember> leader = Optional.empty();
    long term = 0;
    try {
      RaftServer.Division d = getServer().join().getDivision(getGroupId());
      leader = Peers.find(d.getRaftConf().getAllPeers(), leaderId);
      term = d.getInfo().getCurrentTerm();
    } catch (IOException | RuntimeException e) {
      LOG.debug("group {}: leader {} changed while the group is closing", groupName, leaderId, e);
    }
    try {
      sm.leaderChanged(leader, term);
    } catch (RuntimeException e) {
      LOG.warn("group {}: leaderChanged callback failed", groupName, e);
    }
  }

  @Override
  public void close() throws IOException {
    applied.fail(new RaftException.Stopped("group " + groupName + " closed"));
    getLifeCycle().checkStateAndClose();
  }
}
