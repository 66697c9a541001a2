package io.cairn.raft;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One Raft group on this node, as a service uses it. Thread-safe.
 *
 * <p>Futures fail with a {@link RaftException} (possibly wrapped in a {@code CompletionException}).
 * They complete on the node's callback threads (virtual threads), never on a Ratis thread, so
 * dependent actions may read local state or block briefly without stalling Raft.
 */
public interface RaftGroupHandle {
  /** This member's ID in the group. */
  String memberId();

  /**
   * Proposes a command. If this member is not the leader the proposal is forwarded to the leader.
   * Completes with the bytes the state machine's {@code apply} returned once the entry is committed
   * and applied on this member (so a read that follows sees it). The array is not copied: the caller
   * must not change it afterwards.
   */
  CompletableFuture<byte[]> propose(byte[] command);

  /**
   * Completes once this member has applied every entry the leader had committed when the call was
   * made (Raft ReadIndex), so a read from local state afterwards is linearizable.
   */
  CompletableFuture<Void> readBarrier();

  boolean isLeader();

  Optional<RaftMember> leader();

  /** The current term as this member knows it. */
  long term();

  /** The highest log index known committed on this member. */
  long commitIndex();

  /** The highest log index applied on this member. */
  long appliedIndex();

  /** The current configuration's voting members (learners excluded). */
  List<RaftMember> members();

  /** The current configuration's learners: they receive the log but neither vote nor lead. */
  List<RaftMember> learners();

  /** The voting members, then the learners. */
  default List<RaftMember> membersAndLearners() {
    return java.util.stream.Stream.concat(members().stream(), learners().stream()).toList();
  }

  /** Whether this member is a learner now. */
  boolean isLearner();

  /**
   * Adds a learner (it must be started with {@link RaftNode#joinGroup}); completes with the voting
   * members once the change is committed.
   */
  CompletableFuture<List<RaftMember>> addLearner(RaftMember member);

  /**
   * Makes learner {@code memberId} a voting member; the leader first brings it up to date, so this
   * fails with a timeout when the learner cannot be reached. Completes with the voting members.
   */
  CompletableFuture<List<RaftMember>> promoteLearner(String memberId);

  /** Adds a member (it must be started with {@link RaftNode#joinGroup}); completes when committed. */
  CompletableFuture<List<RaftMember>> addMember(RaftMember member);

  /** Removes a voting member or a learner; completes with the voting members once committed. */
  CompletableFuture<List<RaftMember>> removeMember(String memberId);

  /** Changes a member's addresses; completes when committed. */
  CompletableFuture<List<RaftMember>> updateMember(RaftMember member);

  /** Asks the leader to hand leadership to {@code memberId}; completes when it has. */
  CompletableFuture<Void> transferLeadership(String memberId);

  /** Asks the group to take a snapshot now (normally automatic); completes with its index. */
  CompletableFuture<Long> takeSnapshot();
}
