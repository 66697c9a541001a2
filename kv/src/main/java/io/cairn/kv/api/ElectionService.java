package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.cairn.kv.watch.WatchHub;
import io.etcd.jetcd.api.CampaignRequest;
import io.etcd.jetcd.api.CampaignResponse;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.ElectionGrpc;
import io.etcd.jetcd.api.LeaderKey;
import io.etcd.jetcd.api.LeaderRequest;
import io.etcd.jetcd.api.LeaderResponse;
import io.etcd.jetcd.api.ProclaimRequest;
import io.etcd.jetcd.api.ProclaimResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.ResignRequest;
import io.etcd.jetcd.api.ResignResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;

/**
 * {@code v3electionpb.Election}: etcd's election service, as its {@code v3election} server (3.4)
 * runs it, on {@code concurrency.Election}.
 *
 * <p>A candidate's key is {@code name/<lease hex>}, put with its value under the campaign's lease
 * (or a new 60 s lease nobody keeps alive, when the request has none). The leader is the candidate
 * whose key was created first; Campaign returns once every earlier candidate's key is deleted, with
 * a {@link LeaderKey} that Proclaim (change the value) and Resign (delete the key) name; both check
 * that the key still has the campaign's creation revision, else "election: not leader" (Proclaim)
 * or nothing (Resign). As etcd's server, Proclaim and Resign grant an unused 60 s lease when the
 * leader key has lease 0. Leader reads the first-created key; Observe streams the leader's value
 * each time it changes or another candidate takes over. A campaign cancelled while it waits
 * withdraws its key.
 */
public final class ElectionService extends ElectionGrpc.ElectionImplBase {
  private final LocalClient.Services services;
  private final Executor executor;

  public ElectionService(KvService kv, LeaseService lease, WatchHub hub, Executor executor) {
    this.services = new LocalClient.Services(kv, lease, hub);
    this.executor = executor;
  }

  @Override
  public void campaign(CampaignRequest request, StreamObserver<CampaignResponse> observer) {
    Calls.blocking(observer, executor, () -> campaign(request));
  }

  private CampaignResponse campaign(CampaignRequest request) throws InterruptedException {
    LocalClient client = services.asCaller();
    long leaseId = client.sessionLease(request.getLease());
    ByteString prefix = Concurrency.prefix(request.getName());
    ByteString key = Concurrency.waiterKey(prefix, leaseId);
    TxnResponse resp = client.txn(Concurrency.createOrGet(key, request.getValue(), leaseId).build());
    long leaderRev = resp.getHeader().getRevision();
    if (!resp.getSucceeded()) {
      var existing = resp.getResponses(0).getResponseRange().getKvs(0);
      leaderRev = existing.getCreateRevision();
      if (!existing.getValue().equals(request.getValue())) {
        try {
          proclaim(client, key, leaderRev, leaseId, request.getValue());
        } catch (RuntimeException e) {
          resign(client, key, leaderRev);
          throw e;
        }
      }
    }
    try {
      Concurrency.waitDeletes(client, prefix, leaderRev - 1);
    } catch (InterruptedException e) {
      Thread.interrupted();
      resign(client, key, leaderRev); // a cancelled campaign withdraws, as Election.Campaign does
      throw e;
    }
    LeaderKey leader =
        LeaderKey.newBuilder().setName(request.getName()).setKey(key).setRev(leaderRev).setLease(leaseId).build();
    return CampaignResponse.newBuilder().setHeader(resp.getHeader()).setLeader(leader).build();
  }

  @Override
  public void proclaim(ProclaimRequest request, StreamObserver<ProclaimResponse> observer) {
    onLeader(request.hasLeader(), request.getLeader(), observer,
        (client, l, sessionLease) -> ProclaimResponse.newBuilder()
            .setHeader(proclaim(client, l.getKey(), l.getRev(), sessionLease, request.getValue()))
            .build());
  }

  private static ResponseHeader proclaim(LocalClient client, ByteString key, long rev, long leaseId, ByteString value) {
    TxnResponse resp =
        client.txn(
            TxnRequest.newBuilder()
                .addCompare(Concurrency.createdAt(key, rev))
                .addSuccess(Concurrency.put(key, value, leaseId))
                .build());
    if (!resp.getSucceeded()) {
      throw Concurrency.NOT_LEADER.asRuntimeException();
    }
    return resp.getHeader();
  }

  @Override
  public void resign(ResignRequest request, StreamObserver<ResignResponse> observer) {
    onLeader(request.hasLeader(), request.getLeader(), observer,
        (client, l, sessionLease) -> ResignResponse.newBuilder().setHeader(resign(client, l.getKey(), l.getRev())).build());
  }

  private static ResponseHeader resign(LocalClient client, ByteString key, long rev) {
    TxnRequest txn =
        TxnRequest.newBuilder()
            .addCompare(Concurrency.createdAt(key, rev))
            .addSuccess(RequestOp.newBuilder().setRequestDeleteRange(DeleteRangeRequest.newBuilder().setKey(key)))
            .build();
    return client.txn(txn).getHeader();
  }

  @Override
  public void leader(LeaderRequest request, StreamObserver<LeaderResponse> observer) {
    Calls.blocking(
        observer,
        executor,
        () -> {
          var resp = services.asCaller().range(Concurrency.firstCreated(Concurrency.prefix(request.getName())));
          if (resp.getKvsCount() == 0) {
            throw Concurrency.NO_LEADER.asRuntimeException();
          }
          return LeaderResponse.newBuilder().setHeader(resp.getHeader()).setKv(resp.getKvs(0)).build();
        });
  }

  @Override
  public void observe(LeaderRequest request, StreamObserver<LeaderResponse> observer) {
    var call = (ServerCallStreamObserver<LeaderResponse>) observer;
    new ElectionObserver(request.getName(), call, services.asCaller()).start(executor);
  }

  /** A call on a resumed election: its leader key, and the lease of its session. */
  private interface OnLeader<T> {
    T call(LocalClient client, LeaderKey leader, long sessionLease);
  }

  /**
   * Runs a Proclaim or Resign as etcd's server does on {@code ResumeElection}: the leader key must
   * be given, and the session's lease is the key's, or a new 60 s lease when it has none.
   */
  private <T> void onLeader(boolean hasLeader, LeaderKey leader, StreamObserver<T> observer, OnLeader<T> body) {
    Calls.blocking(
        observer,
        executor,
        () -> {
          if (!hasLeader) {
            throw Concurrency.MISSING_LEADER.asRuntimeException();
          }
          LocalClient client = services.asCaller();
          return body.call(client, leader, client.sessionLease(leader.getLease()));
        });
  }
}
