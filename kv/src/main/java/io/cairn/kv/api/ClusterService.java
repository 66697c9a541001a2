package io.cairn.kv.api;

import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code etcdserverpb.Cluster}: member list, add, remove, update.
 *
 * <p>etcd adds a member to its configuration at once and the new member starts afterwards. Ratis only
 * commits a configuration once the new peer is reachable, so {@code MemberAdd} answers right away
 * (the member is listed as unstarted, as etcd lists it) and the Raft change completes in the
 * background when the new member comes up with {@code --initial-cluster-state existing}.
 *
 * <p>Learners are Ratis listeners: they receive the log and neither vote nor lead. As in etcd 3.4 a
 * cluster has at most {@link #MAX_LEARNERS}, and a learner is promoted only once it is in sync: Ratis
 * brings it up to date before it commits the promotion, and a learner that cannot be reached within
 * the request timeout is {@code can only promote a learner member which is in sync with leader}.
 */
public final class ClusterService extends ClusterGrpc.ClusterImplBase {
  private static final Logger log = LoggerFactory.getLogger(ClusterService.class);

  private final RaftGroupHandle raft;
  private final Headers headers;
  private final String clusterToken;
  /** etcd 3.4's {@code maxLearners}. */
  static final int MAX_LEARNERS = 1;

  /** A member added whose Raft change has not completed yet. */
  private record Pending(Members.Info info, boolean learner) {
    Member toEtcd() {
      return info.toEtcd().toBuilder().setIsLearner(learner).build();
    }
  }

  private final Map<Long, Pending> pendingAdds = new ConcurrentHashMap<>();

  private final AuthGuard guard;

  public ClusterService(RaftGroupHandle raft, Headers headers, String clusterToken, AuthGuard guard) {
    this.guard = guard;
    this.raft = raft;
    this.headers = headers;
    this.clusterToken = clusterToken;
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
    pendingAdds.keySet().removeAll(seen);
    pendingAdds.values().forEach(p -> out.add(p.toEtcd()));
    return out;
  }

  @Override
  public void memberList(MemberListRequest request, StreamObserver<MemberListResponse> observer) {
    observer.onNext(
        MemberListResponse.newBuilder()
            .setHeader(headers.withoutRevision())
            .addAllMembers(members())
            .build());
    observer.onCompleted();
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
    Pending added = new Pending(new Members.Info(id, "", peerUrls, List.of()), learner);
    pendingAdds.put(id, added);
    addInBackground(added, 0);
    observer.onNext(
        MemberAddResponse.newBuilder()
            .setHeader(headers.withoutRevision())
            .setMember(added.toEtcd())
            .addAllMembers(members())
            .build());
    observer.onCompleted();
  }

  /** Retries the Raft configuration change until the new member is up (for up to ten minutes). */
  private void addInBackground(Pending pending, int attempt) {
    Members.Info added = pending.info();
    (pending.learner() ? raft.addLearner(added.toRaft()) : raft.addMember(added.toRaft()))
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                pendingAdds.remove(added.id());
                log.info("member {} joined the cluster", Members.hex(added.id()));
              } else if (attempt < 120 && pendingAdds.containsKey(added.id())) {
                CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.SECONDS)
                    .execute(() -> addInBackground(pending, attempt + 1));
              } else {
                pendingAdds.remove(added.id());
                log.warn("gave up adding member {}", Members.hex(added.id()), failure);
              }
            });
  }

  @Override
  public void memberRemove(MemberRemoveRequest request, StreamObserver<MemberRemoveResponse> observer) {
    if (guard.deniedAdmin(observer)) {
      return;
    }
    if (pendingAdds.remove(request.getID()) != null) {
      observer.onNext(
          MemberRemoveResponse.newBuilder()
              .setHeader(headers.withoutRevision())
              .addAllMembers(members())
              .build());
      observer.onCompleted();
      return;
    }
    if (find(request.getID()) == null) {
      observer.onError(GrpcErrors.of(EtcdError.MEMBER_NOT_FOUND));
      return;
    }
    Calls.reply(
        observer,
        raft.removeMember(Members.hex(request.getID()))
            .thenApply(
                ms ->
                    MemberRemoveResponse.newBuilder()
                        .setHeader(headers.withoutRevision())
                        .addAllMembers(ms.stream().map(m -> Members.fromRaft(m).toEtcd()).toList())
                        .build()));
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
    Pending pending = pendingAdds.get(id);
    if (pending != null) {
      // an added learner that has not started yet is not in sync; a voter is no learner
      observer.onError(GrpcErrors.of(pending.learner() ? EtcdError.LEARNER_NOT_READY : EtcdError.MEMBER_NOT_LEARNER));
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
