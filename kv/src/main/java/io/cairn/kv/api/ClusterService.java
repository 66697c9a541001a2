package io.cairn.kv.api;

import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
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
 * background when the new member comes up with {@code --initial-cluster-state existing}. Learners are
 * not supported yet.
 */
public final class ClusterService extends ClusterGrpc.ClusterImplBase {
  private static final Logger log = LoggerFactory.getLogger(ClusterService.class);

  private final RaftGroupHandle raft;
  private final Headers headers;
  private final String clusterToken;
  private final Map<Long, Members.Info> pendingAdds = new ConcurrentHashMap<>();

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
    if (request.getIsLearner()) {
      observer.onError(
          Status.UNIMPLEMENTED.withDescription("etcdserver: cairn does not support learner members yet")
              .asRuntimeException());
      return;
    }
    List<String> peerUrls = request.getPeerURLsList();
    try {
      checkUrls(peerUrls);
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
    Members.Info added = new Members.Info(id, "", peerUrls, List.of());
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
  private void addInBackground(Members.Info added, int attempt) {
    raft.addMember(added.toRaft())
        .whenComplete(
            (ok, failure) -> {
              if (failure == null) {
                pendingAdds.remove(added.id());
                log.info("member {} joined the cluster", Members.hex(added.id()));
              } else if (attempt < 120 && pendingAdds.containsKey(added.id())) {
                CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.SECONDS)
                    .execute(() -> addInBackground(added, attempt + 1));
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
    observer.onError(
        GrpcErrors.of(find(request.getID()) == null ? EtcdError.MEMBER_NOT_FOUND : EtcdError.MEMBER_NOT_LEARNER));
  }

  private RaftMember find(long id) {
    String hex = Members.hex(id);
    for (RaftMember m : raft.members()) {
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
