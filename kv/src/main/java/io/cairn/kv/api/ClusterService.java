package io.cairn.kv.api;

import com.google.protobuf.Empty;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.cairn.raft.RaftException;
import io.cairn.raft.RaftGroupHandle;
import io.cairn.raft.RaftMember;
import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberAddRequest;
import io.etcd.jetcd.api.MemberAddResponse;
import io.etcd.jetcd.api.MemberListRequest;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.MemberPromoteRequest;
import io.etcd.jetcd.api.MemberPromoteResponse;
import io.etcd.jetcd.api.MemberRemoveRequest;
import io.etcd.jetcd.api.MemberRemoveResponse;
import io.etcd.jetcd.api.MemberUpdateRequest;
import io.etcd.jetcd.api.MemberUpdateResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code etcdserverpb.Cluster}: member list, add, remove, update.
 *
 * <p>etcd adds a member to its configuration at once (a ConfChange entry) and the new member starts
 * afterwards. Ratis only commits a configuration once the new peer answers, so {@code MemberAdd}
 * records the added member in the replicated store instead ({@link KvCommand.MemberPendingAdd}):
 * every member then lists it as unstarted, as etcd does, and the one-learner limit and the peer-URL
 * check see it whichever member took the add. Whichever member leads completes the Raft change once
 * the new member is up (it starts with {@code --initial-cluster-state existing} and its peer URL
 * accepts connections), one change at a time, looking every {@value #DRIVE_PERIOD_MILLIS} ms, and then
 * forgets the record; {@code MemberRemove} forgets the record through Raft, waits for a read
 * barrier, then removes the member from the Raft configuration if it is there. A remove that races
 * with the join (the change commits after the remove looked) is undone by the leader that made the
 * change: finding its record gone once the change committed, it removes the member again. Two adds racing through different members are checked against the Raft
 * configuration by each proposer and against each other's records when applied. Not as in etcd: the
 * peer URLs of an unstarted member cannot be updated ({@code MemberUpdate} answers MEMBER_NOT_FOUND;
 * remove and add it again).
 *
 * <p>Learners are Ratis listeners: they receive the log and neither vote nor lead. As in etcd 3.4 a
 * cluster has at most {@link #MAX_LEARNERS}, and a learner is promoted only once it is in sync: Ratis
 * brings it up to date before it commits the promotion, and a learner that cannot be reached within
 * the request timeout is {@code can only promote a learner member which is in sync with leader}.
 */
public final class ClusterService extends ClusterGrpc.ClusterImplBase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterService.class);

  private final RaftGroupHandle raft;
  private final KvStore store;
  private final Proposals proposals;
  private final Headers headers;
  private final String clusterToken;
  private final AuthGuard guard;
  /** etcd 3.4's {@code maxLearners}. */
  static final int MAX_LEARNERS = 1;
  static final long DRIVE_PERIOD_MILLIS = 1000;
  /** Pause after a failed attempt to add a pending member (it is usually not up yet). */
  static final long RETRY_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ScheduledExecutorService driver =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("kv-member-adds").factory());
  /** The pending member whose Raft change this member (as leader) has in flight, or 0. */
  private final AtomicLong adding = new AtomicLong();
  /** When the member may try again after a failed attempt (System.nanoTime), by ID. */
  private final Map<Long, Long> retryAfter = new ConcurrentHashMap<>();
  /** Pending records this member is proposing to forget. */
  private final Set<Long> forgetting = ConcurrentHashMap.newKeySet();
  /**
   * Members this member's own Raft change added, not yet settled by {@link #afterJoin} (record
   * forgotten, or the join undone); the driver retries them every round. Touched on the driver only.
   */
  private final Set<Long> joinsToSettle = new HashSet<>();

  public ClusterService(
      RaftGroupHandle raft, KvStore store, Proposals proposals, Headers headers, String clusterToken, AuthGuard guard) {
    this.raft = raft;
    this.store = store;
    this.proposals = proposals;
    this.headers = headers;
    this.clusterToken = clusterToken;
    this.guard = guard;
  }

  /** Starts completing pending adds whenever this member leads; stopped by {@link #close}. */
  public ClusterService start() {
    driver.scheduleWithFixedDelay(this::drive, DRIVE_PERIOD_MILLIS, DRIVE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void close() {
    driver.shutdownNow();
    try {
      driver.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Current members, plus added members whose Raft change has not completed yet. */
  public List<Member> members() {
    List<Member> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (RaftMember m : raft.members()) {
      Members.Info info = Members.fromRaft(m);
      seen.add(info.id());
      out.add(info.toEtcd());
    }
    for (RaftMember m : raft.learners()) {
      Members.Info info = Members.fromRaft(m);
      seen.add(info.id());
      out.add(info.toEtcd().toBuilder().setIsLearner(true).build());
    }
    for (Member p : store.pendingMembers()) {
      if (!seen.contains(p.getID())) {
        out.add(p);
      }
    }
    return out;
  }

  /** The pending add of {@code id} that has not joined the Raft configuration, or null. */
  private Member pending(long id) {
    if (find(id) != null) {
      return null;
    }
    return store.pendingMembers().stream().filter(p -> p.getID() == id).findFirst().orElse(null);
  }

  /**
   * On the leader: forgets pending records of members that joined, and asks Ratis to add the first
   * pending member that has not and whose peer URL accepts connections (one configuration change at
   * a time: a change for a member that is not up would hold Ratis' reconfiguration, and with it
   * every user's member call, until it times out). After a failed attempt that member waits {@link
   * #RETRY_PAUSE_NANOS}. The records are read only once this member has applied everything committed
   * when the configuration was read, so a record forgotten before a removal is never seen after it
   * (which would add the removed member back).
   */
  private void drive() {
    try {
      if (!raft.isLeader()) {
        retryAfter.clear();
        return;
      }
      Set<Long> joined = new HashSet<>();
      raft.membersAndLearners().forEach(m -> joined.add(Members.fromRaft(m).id()));
      if (!appliedUpTo(raft.commitIndex())) {
        return;
      }
      for (Long id : List.copyOf(joinsToSettle)) {
        afterJoin(id);
      }
      for (Member p : store.pendingMembers()) {
        long id = p.getID();
        Long notBefore = retryAfter.get(id);
        if (joined.contains(id)) {
          if (adding.get() != id) { // else the completion of this member's own add decides (afterJoin)
            forget(id);
          }
        } else if ((notBefore == null || System.nanoTime() - notBefore >= 0) && reachable(p)
            && adding.compareAndSet(0, id)) {
          add(p);
        }
      }
    } catch (RuntimeException e) {
      log.warn("completing pending member adds failed; retrying", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits up to a second for the store to apply {@code index}. */
  private boolean appliedUpTo(long index) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (store.appliedIndex() < index) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Whether the member's first peer URL accepts a TCP connection (it has started). */
  private static boolean reachable(Member p) {
    try (Socket socket = new Socket()) {
      URI url = URI.create(p.getPeerURLs(0));
      String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
      socket.connect(new InetSocketAddress(host, url.getPort()), 300);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void add(Member p) {
    long id = p.getID();
    Members.Info info = new Members.Info(id, "", p.getPeerURLsList(), List.of());
    CompletableFuture<List<RaftMember>> change;
    try {
      change = p.getIsLearner() ? raft.addLearner(info.toRaft()) : raft.addMember(info.toRaft());
    } catch (RuntimeException e) {
      change = CompletableFuture.failedFuture(e);
    }
    change.whenComplete((ok, failure) -> {
      if (failure == null) {
        retryAfter.remove(id);
        log.info("member {} joined the cluster", Members.hex(id));
        try {
          driver.execute(() -> {
            try {
              joinsToSettle.add(id);
              afterJoin(id);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              adding.set(0);
            }
          });
        } catch (RejectedExecutionException closing) {
          adding.set(0); // closing: the next leader's driver forgets the record
        }
      } else {
        adding.set(0);
        retryAfter.put(id, System.nanoTime() + RETRY_PAUSE_NANOS);
        log.debug("member {} not added yet: {}", Members.hex(id), failure.toString());
      }
    });
  }

  /**
   * On the driver, once this member's Raft change for {@code id} committed: forgets the pending
   * record, or, when the record is already gone, undoes the change. The record can only be gone
   * because a member remove forgot it while the change was in flight (this member forgets a record
   * only here, or in {@link #drive} when no change of its own is in flight), and that remove may have
   * looked for the member before the change committed and found nothing to remove.
   */
  private void afterJoin(long id) throws InterruptedException {
    if (!raft.isLeader()) {
      joinsToSettle.remove(id); // the new leader's driver forgets a record left behind
      return;
    }
    if (!appliedUpTo(raft.commitIndex())) {
      return; // still in joinsToSettle: the driver's next round tries again
    }
    if (find(id) == null) {
      joinsToSettle.remove(id); // gone already (a member remove found it)
      return;
    }
    if (store.pendingMembers().stream().anyMatch(p -> p.getID() == id)) {
      joinsToSettle.remove(id);
      forget(id);
      return;
    }
    log.info("member {} was removed while joining; removing it from the Raft configuration", Members.hex(id));
    try {
      // stays in joinsToSettle until a later round finds it gone: a failed removal is tried again
      raft.removeMember(Members.hex(id)).whenComplete((ms, failure) -> {
        if (failure != null) {
          log.debug("undoing the join of member {} (tried again): {}", Members.hex(id), failure.toString());
        }
      });
    } catch (RuntimeException e) {
      log.warn("undoing the join of member {} failed; trying again", Members.hex(id), e);
    }
  }

  private void forget(long id) {
    if (forgetting.add(id)) {
      proposals.propose(new KvCommand.MemberPendingRemove(id), Empty.class)
          .whenComplete((ok, failure) -> {
            forgetting.remove(id);
            if (failure == null) {
              retryAfter.remove(id);
            }
          });
    }
  }

  /**
   * Answered after a read barrier, so a member added or removed through any member is listed as
   * soon as that call returned (the pending-add records are applied state); when no barrier can be
   * had (no leader, a learner) the member answers from what it has applied.
   */
  @Override
  public void memberList(MemberListRequest request, StreamObserver<MemberListResponse> observer) {
    raft.readBarrier().handle((ignored, failure) -> {
      observer.onNext(
          MemberListResponse.newBuilder()
              .setHeader(headers.withoutRevision())
              .addAllMembers(members())
              .build());
      observer.onCompleted();
      return null;
    });
  }

  @Override
  public void memberAdd(MemberAddRequest request, StreamObserver<MemberAddResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    boolean learner = request.getIsLearner();
    List<String> peerUrls = request.getPeerURLsList();
    try {
      checkUrls(peerUrls);
      if (learner && members().stream().filter(Member::getIsLearner).count() >= MAX_LEARNERS) {
        throw EtcdError.TOO_MANY_LEARNERS.exception();
      }
      for (Member m : members()) {
        for (String u : m.getPeerURLsList()) {
          if (peerUrls.contains(u)) {
            throw EtcdError.PEER_URL_EXIST.exception();
          }
        }
      }
    } catch (EtcdException e) {
      observer.onError(GrpcErrors.of(e));
      return;
    }
    // etcd mixes the current time into an added member's ID and the new member later asks the
    // cluster which ID it got. cairn derives it from the peer URLs and token alone, exactly as the
    // new member computes its own ID at start, so no lookup is needed (re-adding the same peer URLs
    // after a removal gives the same ID).
    long id = Members.memberId(peerUrls, clusterToken, null);
    Member added = new Members.Info(id, "", peerUrls, List.of()).toEtcd().toBuilder().setIsLearner(learner).build();
    Calls.reply(
        observer,
        proposals.propose(new KvCommand.MemberPendingAdd(added), Empty.class)
            .thenApply(ok -> {
              try {
                driver.execute(this::drive);
              } catch (RejectedExecutionException closing) {
                // the service is closing; the add is recorded and the next leader completes it
              }
              return MemberAddResponse.newBuilder()
                  .setHeader(headers.withoutRevision())
                  .setMember(added)
                  .addAllMembers(members())
                  .build();
            }));
  }

  /**
   * Forgets the member's pending add first (through Raft, so it is ordered before the removal on
   * every member and the leader cannot add the member back), then removes it from the Raft
   * configuration if it is there. MEMBER_NOT_FOUND when it was neither pending nor a member.
   */
  @Override
  public void memberRemove(MemberRemoveRequest request, StreamObserver<MemberRemoveResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    long id = request.getID();
    CompletableFuture<Boolean> forgotten =
        proposals.propose(new KvCommand.MemberPendingRemove(id), Empty.class)
            .handle((ok, failure) -> {
              if (failure == null) {
                return true;
              }
              if (GrpcErrors.unwrap(failure) instanceof EtcdException e && e.error() == EtcdError.MEMBER_NOT_FOUND) {
                return false;
              }
              throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            });
    // After the barrier this member's configuration holds every change committed before the
    // record was forgotten, so a join that committed first is found here and removed; one that
    // commits later is undone by the leader that made it (afterJoin).
    CompletableFuture<Boolean> settled =
        forgotten.thenCompose(wasPending -> raft.readBarrier().handle((ignored, failure) -> wasPending));
    Calls.reply(
        observer,
        settled.thenCompose(wasPending -> {
          if (find(id) != null) {
            return raft.removeMember(Members.hex(id))
                .handle((ms, failure) -> {
                  if (failure == null) {
                    return CompletableFuture.completedFuture(MemberRemoveResponse.newBuilder()
                        .setHeader(headers.withoutRevision())
                        .addAllMembers(ms.stream().map(m -> Members.fromRaft(m).toEtcd()).toList())
                        .build());
                  }
                  // the leader undoing a raced join may have removed it first: gone is what was asked
                  return find(id) == null
                      ? CompletableFuture.completedFuture(MemberRemoveResponse.newBuilder()
                          .setHeader(headers.withoutRevision()).addAllMembers(members()).build())
                      : CompletableFuture.<MemberRemoveResponse>failedFuture(failure);
                })
                .thenCompose(f -> f);
          }
          if (!wasPending) {
            return CompletableFuture.failedFuture(EtcdError.MEMBER_NOT_FOUND.exception());
          }
          return CompletableFuture.completedFuture(MemberRemoveResponse.newBuilder()
              .setHeader(headers.withoutRevision())
              .addAllMembers(members())
              .build());
        }));
  }

  @Override
  public void memberUpdate(MemberUpdateRequest request, StreamObserver<MemberUpdateResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    RaftMember current = find(request.getID());
    if (current == null) {
      observer.onError(GrpcErrors.of(EtcdError.MEMBER_NOT_FOUND));
      return;
    }
    try {
      checkUrls(request.getPeerURLsList());
    } catch (EtcdException e) {
      observer.onError(GrpcErrors.of(e));
      return;
    }
    Members.Info info = Members.fromRaft(current);
    Members.Info updated = new Members.Info(info.id(), info.name(), request.getPeerURLsList(), info.clientUrls());
    Calls.reply(
        observer,
        raft.updateMember(updated.toRaft())
            .thenApply(
                ms ->
                    MemberUpdateResponse.newBuilder()
                        .setHeader(headers.withoutRevision())
                        .addAllMembers(ms.stream().map(m -> Members.fromRaft(m).toEtcd()).toList())
                        .build()));
  }

  @Override
  public void memberPromote(MemberPromoteRequest request, StreamObserver<MemberPromoteResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    long id = request.getID();
    Member pending = pending(id);
    if (pending != null) {
      // an added learner that has not started yet is not in sync; a voter is no learner
      observer.onError(GrpcErrors.of(pending.getIsLearner() ? EtcdError.LEARNER_NOT_READY : EtcdError.MEMBER_NOT_LEARNER));
      return;
    }
    String hex = Members.hex(id);
    if (raft.learners().stream().noneMatch(m -> m.id().equals(hex))) {
      observer.onError(GrpcErrors.of(find(id) == null ? EtcdError.MEMBER_NOT_FOUND : EtcdError.MEMBER_NOT_LEARNER));
      return;
    }
    raft.promoteLearner(hex)
        .whenComplete(
            (ms, failure) -> {
              if (failure == null) {
                observer.onNext(
                    MemberPromoteResponse.newBuilder()
                        .setHeader(headers.withoutRevision())
                        .addAllMembers(members())
                        .build());
                observer.onCompleted();
              } else if (GrpcErrors.unwrap(failure) instanceof RaftException.Timeout) {
                observer.onError(GrpcErrors.of(EtcdError.LEARNER_NOT_READY));
              } else {
                observer.onError(GrpcErrors.of(failure));
              }
            });
  }

  /** The voting member or learner with {@code id}, or null. */
  private RaftMember find(long id) {
    String hex = Members.hex(id);
    for (RaftMember m : raft.membersAndLearners()) {
      if (m.id().equals(hex)) {
        return m;
      }
    }
    return null;
  }

  private static void checkUrls(List<String> urls) throws EtcdException {
    if (urls.isEmpty()) {
      throw EtcdError.MEMBER_BAD_URLS.exception();
    }
    for (String u : urls) {
      try {
        Members.hostPort(u);
      } catch (IllegalArgumentException e) {
        throw EtcdError.MEMBER_BAD_URLS.exception();
      }
    }
  }
}
