package io.cairn.kv.api;

import io.cairn.kv.lease.Lessor;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.LeaseKeepAliveRequest;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.LeaseTimeToLiveRequest;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** {@code etcdserverpb.Lease}: grant, revoke, keep-alive, time-to-live, and LeaseLeases. */
public final class LeaseService extends LeaseGrpc.LeaseImplBase {
  private final KvStore store;
  private final Lessor lessor;
  private final Proposals proposals;
  private final Headers headers;
  private final LeaderForwarder forwarder;
  private final AuthGuard guard;

  public LeaseService(
      KvStore store, Lessor lessor, Proposals proposals, Headers headers, LeaderForwarder forwarder, AuthGuard guard) {
    this.guard = guard;
    this.store = store;
    this.lessor = lessor;
    this.proposals = proposals;
    this.headers = headers;
    this.forwarder = forwarder;
  }

  @Override
  public void leaseGrant(LeaseGrantRequest request, StreamObserver<LeaseGrantResponse> observer) {
    long id = request.getID() != 0 ? request.getID() : lessor.newLeaseId();
    LeaseGrantRequest grant =
        LeaseGrantRequest.newBuilder().setID(id).setTTL(lessor.adjustTtl(request.getTTL())).build();
    Calls.reply(
        observer,
        proposals.propose(new KvCommand.LeaseGrant(grant), LeaseGrantResponse.class)
            .thenApply(
                r -> {
                  lessor.granted();
                  return r.toBuilder().setHeader(headers.complete(r.getHeader())).build();
                }));
  }

  @Override
  public void leaseRevoke(LeaseRevokeRequest request, StreamObserver<LeaseRevokeResponse> observer) {
    Calls.reply(
        observer,
        () -> {
          if (store.auth().enabled()) { // etcd: the caller must be allowed to delete every attached key
            var lease = store.lease(request.getID());
            if (lease.isPresent()) {
              guard.checkWriteKeys(lease.get().keys());
            }
          }
          return proposals.propose(new KvCommand.LeaseRevoke(request), LeaseRevokeResponse.class)
              .thenApply(r -> r.toBuilder().setHeader(headers.complete(r.getHeader())).build());
        });
  }

  @Override
  public StreamObserver<LeaseKeepAliveRequest> leaseKeepAlive(StreamObserver<LeaseKeepAliveResponse> responses) {
    var call = (ServerCallStreamObserver<LeaseKeepAliveResponse>) responses;
    // Renewals answered before the stream is completed: the client's half-close ends the call only
    // after every renewal it sent has been answered.
    var state = new Object() {
      int inFlight;
      boolean halfClosed;
      boolean done;
    };
    return new StreamObserver<>() {
      @Override
      public void onNext(LeaseKeepAliveRequest request) {
        synchronized (state) {
          state.inFlight++;
        }
        renew(request)
            .whenComplete(
                (r, failure) -> {
                  synchronized (state) {
                    state.inFlight--;
                    if (state.done || call.isCancelled()) {
                      return;
                    }
                    if (failure != null) {
                      state.done = true;
                      call.onError(GrpcErrors.of(failure));
                      return;
                    }
                    call.onNext(r);
                    if (state.halfClosed && state.inFlight == 0) {
                      state.done = true;
                      call.onCompleted();
                    }
                  }
                });
      }

      @Override
      public void onError(Throwable t) {
        synchronized (state) {
          state.done = true;
        }
      }

      @Override
      public void onCompleted() {
        synchronized (state) {
          state.halfClosed = true;
          if (state.inFlight == 0 && !state.done) {
            state.done = true;
            call.onCompleted();
          }
        }
      }
    };
  }

  /** etcd answers an unknown or expired lease with TTL 0 rather than an error. */
  private CompletableFuture<LeaseKeepAliveResponse> renew(LeaseKeepAliveRequest request) {
    try {
      long ttl = lessor.renew(request.getID());
      return CompletableFuture.completedFuture(keepAliveResponse(request.getID(), ttl));
    } catch (EtcdException e) {
      return switch (e.error()) {
        case LEASE_NOT_FOUND -> CompletableFuture.completedFuture(keepAliveResponse(request.getID(), 0));
        case NOT_LEADER -> forwarder.keepAlive(request);
        default -> CompletableFuture.failedFuture(e);
      };
    }
  }

  private LeaseKeepAliveResponse keepAliveResponse(long id, long ttl) {
    return LeaseKeepAliveResponse.newBuilder()
        .setHeader(headers.header(store.revision()))
        .setID(id)
        .setTTL(ttl)
        .build();
  }

  @Override
  public void leaseTimeToLive(
      LeaseTimeToLiveRequest request, StreamObserver<LeaseTimeToLiveResponse> observer) {
    if (!lessor.isLeader()) {
      Calls.reply(observer, forwarder.timeToLive(request));
      return;
    }
    var b = LeaseTimeToLiveResponse.newBuilder().setHeader(headers.header(store.revision())).setID(request.getID());
    var lease = store.lease(request.getID());
    var remaining = lessor.remainingSeconds(request.getID());
    if (lease.isEmpty() || remaining.isEmpty()) {
      b.setTTL(-1); // etcd's "already expired"
    } else {
      b.setTTL(remaining.get()).setGrantedTTL(lease.get().grantedTtlSeconds());
      if (request.getKeys()) {
        b.addAllKeys(lease.get().keys());
      }
    }
    observer.onNext(b.build());
    observer.onCompleted();
  }

  void leaseLeases(byte[] ignored, StreamObserver<LeaseLeases.Response> observer) {
    observer.onNext(leases());
    observer.onCompleted();
  }

  /** LeaseLeases' answer: every lease ID, and a header. */
  public LeaseLeases.Response leases() {
    var ids = store.leases().stream().map(KvStore.LeaseInfo::id).toList();
    return new LeaseLeases.Response(headers.header(store.revision()), ids);
  }

  /** The generated service plus LeaseLeases, which jetcd-grpc's stubs do not know. */
  public ServerServiceDefinition definition() {
    ServerServiceDefinition generated = LeaseGrpc.bindService(this);
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(LeaseGrpc.SERVICE_NAME);
    for (ServerMethodDefinition<?, ?> m : generated.getMethods()) {
      descriptor.addMethod(m.getMethodDescriptor());
    }
    descriptor.addMethod(LeaseLeases.METHOD);
    ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(descriptor.build());
    for (ServerMethodDefinition<?, ?> m : generated.getMethods()) {
      b.addMethod(m);
    }
    b.addMethod(LeaseLeases.METHOD, ServerCalls.asyncUnaryCall(this::leaseLeases));
    return b.build();
  }

}
