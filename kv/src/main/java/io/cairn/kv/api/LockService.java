package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.cairn.kv.watch.WatchHub;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.etcd.jetcd.api.lock.LockGrpc;
import io.etcd.jetcd.api.lock.LockRequest;
import io.etcd.jetcd.api.lock.LockResponse;
import io.etcd.jetcd.api.lock.UnlockRequest;
import io.etcd.jetcd.api.lock.UnlockResponse;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;

/**
 * {@code v3lockpb.Lock}: etcd's lock service, as its {@code v3lock} server (3.4) runs it, on
 * {@code concurrency.Mutex}.
 *
 * <p>Lock puts the waiter key {@code name/<lease hex>} attached to the request's lease (or to a new
 * 60 s lease when the request has none, which nobody keeps alive) unless that key exists already,
 * and holds the lock once every key of {@code name/} created before its own is deleted. It answers
 * with the waiter key, which Unlock deletes; the lease's end deletes it too. A call cancelled while
 * it waits deletes its waiter key. Each call blocks a virtual thread while it waits; nothing is held
 * in memory per waiter but that thread and its watcher.
 */
public final class LockService extends LockGrpc.LockImplBase {
  private final LocalClient.Services services;
  private final Executor executor;

  public LockService(KvService kv, LeaseService lease, WatchHub hub, Executor executor) {
    this.services = new LocalClient.Services(kv, lease, hub);
    this.executor = executor;
  }

  @Override
  public void lock(LockRequest request, StreamObserver<LockResponse> observer) {
    Calls.blocking(observer, executor, () -> lock(request));
  }

  private LockResponse lock(LockRequest request) throws InterruptedException {
    LocalClient client = services.asCaller();
    long leaseId = client.sessionLease(request.getLease());
    ByteString prefix = Concurrency.prefix(request.getName());
    ByteString myKey = Concurrency.waiterKey(prefix, leaseId);
    RequestOp owner = RequestOp.newBuilder().setRequestRange(Concurrency.firstCreated(prefix)).build();
    TxnRequest txn =
        Concurrency.createOrGet(myKey, ByteString.EMPTY, leaseId)
            .addSuccess(owner)
            .addFailure(owner) // this session's key exists already: reuse it (it may hold the lock)
            .build();
    TxnResponse resp = client.txn(txn);
    long myRev = resp.getSucceeded()
        ? resp.getHeader().getRevision()
        : resp.getResponses(0).getResponseRange().getKvs(0).getCreateRevision();
    var ownerKvs = resp.getResponses(1).getResponseRange().getKvsList();
    ResponseHeader header = resp.getHeader();
    if (!ownerKvs.isEmpty() && ownerKvs.get(0).getCreateRevision() != myRev) {
      try {
        header = Concurrency.waitDeletes(client, prefix, myRev - 1);
      } catch (InterruptedException | RuntimeException e) {
        boolean interrupted = Thread.interrupted();
        client.delete(myKey); // release the waiter key, as Mutex.Lock does when its wait fails
        if (interrupted) {
          throw new InterruptedException();
        }
        throw e;
      }
    }
    return LockResponse.newBuilder().setHeader(header).setKey(myKey).build();
  }

  @Override
  public void unlock(UnlockRequest request, StreamObserver<UnlockResponse> observer) {
    Calls.blocking(
        observer,
        executor,
        () -> {
          var resp = services.asCaller().delete(request.getKey());
          return UnlockResponse.newBuilder().setHeader(resp.getHeader()).build();
        });
  }
}
