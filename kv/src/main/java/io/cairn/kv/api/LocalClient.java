package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.watch.WatchHub;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The kv API called in process by the lock and election services, as etcd's {@code v3client} is
 * by its {@code v3lock} and {@code v3election} servers. Each call goes through the same service
 * method a gRPC client's would (validation, the caller's auth token, Raft, linearizable reads), so
 * it answers the same and fails with the same message. As in etcd, where the Go client turns the
 * server's status into a plain error that the lock or election server returns, the failure reaches
 * the caller with code Unknown and etcd's message ({@link #asServerError}).
 *
 * <p>Calls block the calling thread (a virtual thread, see {@link Calls#blocking}) until answered and
 * are not cut short by an interrupt: a write that was sent is waited for, so that a cancelled lock
 * knows whether it must delete its key. The interrupt is kept for the caller to see. Watches ({@link
 * #watch}) are the interruptible part. Thread-safe.
 */
final class LocalClient {
  /** What local clients call: the member's KV and Lease services and its watch hub. */
  record Services(KvService kv, LeaseService lease, WatchHub hub) {
    /**
     * A client that calls as the current caller (its auth token, or the user its client certificate
     * logged in), but without the current call's cancellation.
     */
    LocalClient asCaller() {
      Context c = Context.ROOT;
      String token = AuthGuard.TOKEN.get();
      if (token != null) {
        c = c.withValue(AuthGuard.TOKEN, token);
      }
      String certUser = AuthGuard.CERT_USER.get();
      if (certUser != null) {
        c = c.withValue(AuthGuard.CERT_USER, certUser);
      }
      return new LocalClient(this, c);
    }
  }

  private final KvService kv;
  private final LeaseService lease;
  private final WatchHub hub;
  private final Context caller;

  private LocalClient(Services services, Context caller) {
    this.kv = services.kv();
    this.lease = services.lease();
    this.hub = services.hub();
    this.caller = caller;
  }

  TxnResponse txn(TxnRequest r) {
    return call(o -> kv.txn(r, o));
  }

  /** A linearizable range, unless the request asks for a serializable one. */
  RangeResponse range(RangeRequest r) {
    return call(o -> kv.range(r, o));
  }

  DeleteRangeResponse delete(ByteString key) {
    return call(o -> kv.deleteRange(DeleteRangeRequest.newBuilder().setKey(key).build(), o));
  }

  /** Grants a lease with a server-chosen ID; returns the ID. */
  long grant(long ttlSeconds) {
    return this.<io.etcd.jetcd.api.LeaseGrantResponse>call(
            o -> lease.leaseGrant(LeaseGrantRequest.newBuilder().setTTL(ttlSeconds).build(), o))
        .getID();
  }

  /**
   * The lease of a session created with {@code leaseId} (etcd's {@code concurrency.NewSession}):
   * that lease, or, for 0, a new one of {@link Concurrency#SESSION_TTL_SECONDS} that nobody keeps
   * alive (the servers orphan their sessions).
   */
  long sessionLease(long leaseId) {
    return leaseId != 0 ? leaseId : grant(Concurrency.SESSION_TTL_SECONDS);
  }

  /**
   * Starts a watcher; the caller must close it. The caller's read permission is checked here, as
   * the watch service does; a refused watch fails with etcd's permission error.
   */
  LocalWatch watch(WatchCreateRequest r) {
    Context previous = caller.attach();
    try {
      if (!kv.guard().mayWatch(r.getKey(), r.getRangeEnd())) {
        throw asServerError(GrpcErrors.of(EtcdError.PERMISSION_DENIED));
      }
    } finally {
      caller.detach(previous);
    }
    return new LocalWatch(hub, r);
  }

  private <T> T call(Consumer<StreamObserver<T>> method) {
    CompletableFuture<T> f = new CompletableFuture<>();
    caller.run(() -> method.accept(Calls.completing(f, "the service ended the call without a reply")));
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw asServerError(GrpcErrors.of(e.getCause()));
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A status of the kv API as the lock and election servers pass it on: code Unknown, same message. */
  static StatusRuntimeException asServerError(StatusRuntimeException e) {
    Status s = e.getStatus();
    if (s.getCode() == Status.Code.CANCELLED || s.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return e;
    }
    return Status.UNKNOWN.withDescription(s.getDescription()).asRuntimeException();
  }
}
