package io.cairn.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.SnapshotManagementRequest;
import org.apache.ratis.protocol.TransferLeadershipRequest;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * {@link RaftGroupHandle} over one Ratis division.
 *
 * <ul>
 *   <li>propose: a write request to the leader (the local server directly when this member leads),
 *       then a wait until this member applied the entry's index.
 *   <li>readBarrier: a linearizable read-only request to the local server with an empty query.
 *       Ratis obtains the leader's commit index (ReadIndex, confirmed by a heartbeat round) and
 *       waits until this member applied it; the query itself does nothing. Concurrent barriers
 *       share rounds ({@link ReadBarriers}): a caller joins the next round to start, never one
 *       already in flight.
 *   <li>membership: a read barrier (so the local configuration is current), then a
 *       compare-and-set configuration change sent to the leader.
 * </ul>
 *
 * <p>Every returned future is completed on the node's callback executor and is bounded by the
 * request timeout. {@link #stop} fails every pending one with {@link RaftException.Stopped}; after
 * it, {@code isLeader} is false, {@code leader} is empty, futures fail with Stopped and the other
 * getters throw {@link IllegalStateException}.
 */
final class GroupHandle implements RaftGroupHandle {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GroupHandle.class);
  private static final long NUDGE_AFTER_MS = 5;
  private final String name;
  private final RaftGroupId groupId;
  private final NodeContext ctx;
  private final GroupAdapter adapter;
  private final Calls calls;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final ReadBarriers barriers;

  GroupHandle(String name, RaftGroupId groupId, NodeContext ctx, GroupAdapter adapter) {
    this.name = name;
    this.groupId = groupId;
    this.ctx = ctx;
    this.adapter = adapter;
    this.calls = new Calls(name, groupId, ctx);
    this.barriers = new ReadBarriers(() -> barrier(calls.deadline()), ctx.callbacks());
  }

  String name() {
    return name;
  }

  void stop() {
    calls.stop();
    RaftException.Stopped stopped = new RaftException.Stopped("group " + name + " is stopped");
    new ArrayList<>(pending).forEach(f -> f.completeExceptionally(stopped));
  }

  @Override
  public String memberId() {
    return ctx.self().toString();
  }

  @Override
  public CompletableFuture<byte[]> propose(byte[] command) {
    Message message = Message.valueOf(UnsafeByteOperations.unsafeWrap(command)); // not copied: see propose's contract
    long deadline = calls.deadline();
    ctx.metrics().proposalStarted();
    CompletableFuture<byte[]> f =
        track(
            deadline,
            "proposal",
            calls
                .call("proposal", true, deadline, request(RaftClientRequest.writeRequestType(), message))
                .thenCompose(reply -> appliedHere(reply, deadline)));
    f.whenComplete((v, e) -> ctx.metrics().proposalEnded(e == null));
    return ctx.deliver(f);
  }

  /**
   * Completes with the reply once this member applied the entry. A remote leader replies once it
   * applied; Ratis 3.3 then tells followers the new commit index only with its next append or
   * heartbeat (up to half an election timeout later when idle). If the entry is not applied here
   * after {@value #NUDGE_AFTER_MS} ms and this member has not learnt that it is committed, a read
   * barrier makes the leader send a heartbeat, which carries the commit index, right away. A member
   * that knows the entry is committed only has to apply it and sends nothing (a barrier costs a
   * ReadIndex round trip to the leader and a heartbeat round).
   *
   * <p>Tried and not kept (docs/benchmarks.md, 2026-11-23): a leader log appender that sends an empty
   * append as soon as the commit index advances, as etcd's raft does. One client writing through a
   * follower went from 12.4 to 4.7 ms, but with three members on two shared cores {@code check perf
   * --load=l} lost about 13 % of its writes to the extra appends.
   */
  private CompletableFuture<byte[]> appliedHere(RaftClientReply reply, long deadline) {
    long index = reply.getLogIndex();
    CompletableFuture<Void> applied = adapter.applied().await(index);
    if (!applied.isDone()) {
      try {
        ctx.timer().schedule(() -> {
          if (!applied.isDone() && !knownCommitted(index)) {
            barrier(deadline);
          }
        }, NUDGE_AFTER_MS, TimeUnit.MILLISECONDS);
      } catch (RuntimeException closing) {
        // the node is closing; the pending future fails with Stopped
      }
    }
    return applied.thenApply(v -> reply.getMessage().getContent().toByteArray());
  }

  /** Whether this member's log knows {@code index} is committed (false if the division is gone). */
  private boolean knownCommitted(long index) {
    try {
      return division().getRaftLog().getLastCommittedIndex() >= index;
    } catch (RuntimeException gone) {
      return false;
    }
  }

  @Override
  public CompletableFuture<Void> readBarrier() {
    long deadline = calls.deadline();
    CompletableFuture<Void> tracked = track(deadline, "read barrier", barriers.join());
    CompletableFuture<Void> out = new CompletableFuture<>();
    tracked.whenComplete((v, e) -> {
      if (e == null) {
        out.complete(null); // on the callbacks thread ReadBarriers completed this caller's group on
      } else { // a failure may come from the deadline's timer thread: hand it to a callbacks thread
        ctx.deliver(tracked).whenComplete((ignored, cause) -> out.completeExceptionally(cause));
      }
    });
    return out;
  }

  private CompletableFuture<Void> barrier(long deadline) {
    return calls
        .call("read barrier", false, deadline, request(RaftClientRequest.readRequestType(), Message.EMPTY))
        .thenApply(reply -> null);
  }

  private Calls.RequestFactory request(RaftClientRequest.Type type, Message message) {
    return (target, callId, timeoutMs) ->
        RaftClientRequest.newBuilder()
            .setClientId(ctx.clientId())
            .setServerId(target)
            .setGroupId(groupId)
            .setCallId(callId)
            .setMessage(message)
            .setType(type)
            .setTimeoutMs(timeoutMs)
            .build();
  }

  private <T> CompletableFuture<T> track(long deadline, String what, CompletableFuture<T> f) {
    if (calls.stopped()) {
      f.completeExceptionally(new RaftException.Stopped("group " + name + " is stopped"));
      return f;
    }
    CompletableFuture<T> out = calls.within(f, deadline, what);
    pending.add(out);
    out.whenComplete((v, e) -> pending.remove(out));
    return out;
  }

  private RaftServer.Division division() {
    try {
      return calls.division();
    } catch (IOException e) {
      throw new IllegalStateException("group " + name + " is not running", e);
    }
  }

  @Override
  public boolean isLeader() {
    return !calls.stopped() && division().getInfo().isLeader();
  }

  @Override
  public Optional<RaftMember> leader() {
    if (calls.stopped()) {
      return Optional.empty();
    }
    RaftServer.Division d = division();
    return Peers.find(d.getRaftConf().getAllPeers(), d.getInfo().getLeaderId());
  }

  /**
   * Role, term, log and apply positions of this member, and for a leader its followers' next and
   * match indices: for logs and test failure messages.
   */
  @Override
  public String toString() {
    if (calls.stopped()) {
      return "group " + name + ": stopped";
    }
    try {
      RaftServer.Division d = division();
      DivisionInfo info = d.getInfo();
      String s =
          "group %s: %s term %d, log %d..%d, commit %d, applied %d"
              .formatted(
                  name,
                  info.getCurrentRole(),
                  info.getCurrentTerm(),
                  d.getRaftLog().getStartIndex(),
                  d.getRaftLog().getNextIndex() - 1,
                  d.getRaftLog().getLastCommittedIndex(),
                  adapter.applied().get());
      return info.isLeader()
          ? s
              + ", followers next "
              + Arrays.toString(info.getFollowerNextIndices())
              + " match "
              + Arrays.toString(info.getFollowerMatchIndices())
          : s;
    } catch (RuntimeException e) {
      return "group " + name + ": " + e;
    }
  }

  @Override
  public long term() {
    return division().getInfo().getCurrentTerm();
  }

  @Override
  public long commitIndex() {
    return Math.max(0, division().getRaftLog().getLastCommittedIndex());
  }

  @Override
  public long appliedIndex() {
    return Math.max(0, adapter.applied().get());
  }

  @Override
  public List<RaftMember> members() {
    return sorted(division().getRaftConf().getCurrentPeers());
  }

  @Override
  public List<RaftMember> learners() {
    return sorted(division().getRaftConf().getCurrentPeers(RaftPeerRole.LISTENER));
  }

  /**
   * From the configuration, not the division's role: Ratis 3.3 leaves a server that joined as a
   * listener in its STARTING state with a follower's role until it restarts.
   */
  @Override
  public boolean isLearner() {
    if (calls.stopped()) {
      return false;
    }
    String self = memberId();
    return division().getRaftConf().getCurrentPeers(RaftPeerRole.LISTENER).stream()
        .anyMatch(p -> p.getId().toString().equals(self));
  }

  @Override
  public CompletableFuture<List<RaftMember>> addLearner(RaftMember member) {
    return changeMembers("add learner " + member.id(), c -> Configurations.addLearner(c, member));
  }

  /**
   * Two configuration changes: the learner leaves, then joins as a voter (and when that second change
   * fails, it is put back as a learner). Ratis 3.3 turns a listener
   * into a follower in one change, but its leader keeps treating that peer as bootstrapping, so the
   * peer never leaves its STARTING state and refuses reads; a voter added anew is caught up and then
   * counted as usual. The learner's log stays in place in between, so catching up is quick.
   */
  @Override
  public CompletableFuture<List<RaftMember>> promoteLearner(String memberId) {
    RaftMember learner = learners().stream().filter(m -> m.id().equals(memberId)).findFirst().orElse(null);
    if (learner == null) {
      return ctx.deliver(
          CompletableFuture.failedFuture(new RaftException.BadConfiguration(memberId + " is not a learner")));
    }
    return changeMembers("promote learner " + memberId + ": remove", c -> Configurations.remove(c, memberId))
        .thenCompose(v -> changeMembers("promote learner " + memberId + ": add", c -> Configurations.add(c, learner))
            .handle((ms, failure) -> failure == null
                ? CompletableFuture.completedFuture(ms)
                : restoreLearner(learner, failure)))
        .thenCompose(f -> f);
  }

  /** After a failed promotion: the learner goes back to being a learner, and the failure is reported. */
  private CompletableFuture<List<RaftMember>> restoreLearner(RaftMember learner, Throwable failure) {
    return changeMembers("restore learner " + learner.id(), c -> Configurations.addLearner(c, learner))
        .handle((ms, again) -> {
          if (again != null) {
            LOG.warn("learner {} could not be promoted nor restored as a learner", learner.id(), again);
          }
          throw failure instanceof java.util.concurrent.CompletionException ce ? ce
              : new java.util.concurrent.CompletionException(failure);
        });
  }

  private static List<RaftMember> sorted(java.util.Collection<RaftPeer> peers) {
    return Peers.toMembers(peers).stream().sorted(Comparator.comparing(RaftMember::id)).toList();
  }

  @Override
  public CompletableFuture<List<RaftMember>> addMember(RaftMember member) {
    return changeMembers("add member " + member.id(), c -> Configurations.add(c, member));
  }

  @Override
  public CompletableFuture<List<RaftMember>> removeMember(String memberId) {
    return changeMembers("remove member " + memberId, c -> Configurations.remove(c, memberId));
  }

  @Override
  public CompletableFuture<List<RaftMember>> updateMember(RaftMember member) {
    return changeMembers("update member " + member.id(), c -> Configurations.update(c, member));
  }

  /**
   * Read barrier, then a compare-and-set of the configuration computed from the local one; completes
   * with the new configuration's voting members. A learner (Ratis listener) serves no read barrier;
   * it relies on the compare-and-set alone, which fails when its view is stale.
   */
  private CompletableFuture<List<RaftMember>> changeMembers(
      String what, Function<Configurations.Conf, Configurations.Conf> change) {
    long deadline = calls.deadline();
    CompletableFuture<Void> fresh = isLearner() ? CompletableFuture.completedFuture(null) : barrier(deadline);
    CompletableFuture<List<RaftMember>> f =
        fresh
            .thenCompose(
                v -> {
                  var conf = division().getRaftConf();
                  Configurations.Conf current =
                      new Configurations.Conf(
                          List.copyOf(conf.getCurrentPeers()),
                          List.copyOf(conf.getCurrentPeers(RaftPeerRole.LISTENER)));
                  Configurations.Conf next;
                  try {
                    next = change.apply(current);
                  } catch (IllegalArgumentException e) {
                    return CompletableFuture.failedFuture(
                        new RaftException.BadConfiguration(e.getMessage()));
                  }
                  SetConfigurationRequest.Arguments args =
                      SetConfigurationRequest.Arguments.newBuilder()
                          .setServersInCurrentConf(current.servers())
                          .setListenersInCurrentConf(current.listeners())
                          .setServersInNewConf(next.servers())
                          .setListenersInNewConf(next.listeners())
                          .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET)
                          .build();
                  return calls
                      .call(
                          what,
                          true,
                          deadline,
                          (target, callId, timeoutMs) ->
                              new SetConfigurationRequest(
                                  ctx.clientId(), target, groupId, callId, args))
                      .thenApply(reply -> sorted(next.servers()));
                });
    return ctx.deliver(track(deadline, what, f));
  }

  @Override
  public CompletableFuture<Void> transferLeadership(String memberId) {
    long deadline = calls.deadline();
    RaftPeerId to = Peers.peerId(memberId);
    if (Peers.find(division().getRaftConf().getCurrentPeers(), to).isEmpty()) {
      return ctx.deliver(
          CompletableFuture.failedFuture(
              new RaftException.BadConfiguration(memberId + " is not a member")));
    }
    CompletableFuture<Void> f =
        calls
            .call(
                "transfer leadership to " + memberId,
                true,
                deadline,
                (target, callId, timeoutMs) ->
                    new TransferLeadershipRequest(
                        ctx.clientId(), target, groupId, callId, to, timeoutMs))
            .thenApply(reply -> null);
    return ctx.deliver(track(deadline, "transfer leadership", f));
  }

  @Override
  public CompletableFuture<Long> takeSnapshot() {
    long deadline = calls.deadline();
    CompletableFuture<Long> f =
        calls
            .call(
                "snapshot",
                false,
                deadline,
                (target, callId, timeoutMs) ->
                    SnapshotManagementRequest.newCreate(
                        ctx.clientId(), target, groupId, callId, timeoutMs, 1))
            .thenApply(RaftClientReply::getLogIndex);
    return ctx.deliver(track(deadline, "snapshot", f));
  }
}
