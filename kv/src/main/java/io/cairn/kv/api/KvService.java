package io.cairn.kv.api;

import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.CompactionResponse;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.grpc.stub.StreamObserver;

/** {@code etcdserverpb.KV}: Range, Put, DeleteRange, Txn, Compact. */
public final class KvService extends KVGrpc.KVImplBase {
  private final KvStore store;
  private final Proposals proposals;
  private final Reads reads;
  private final Headers headers;
  private final int maxTxnOps;
  private final AuthGuard guard;

  public KvService(KvStore store, Proposals proposals, Reads reads, Headers headers, int maxTxnOps, AuthGuard guard) {
    this.guard = guard;
    this.store = store;
    this.proposals = proposals;
    this.reads = reads;
    this.headers = headers;
    this.maxTxnOps = maxTxnOps;
  }

  AuthGuard guard() {
    return guard;
  }

  @Override
  public void range(RangeRequest request, StreamObserver<RangeResponse> observer) {
    Calls.reply(
        observer,
        () -> {
          Requests.checkRange(request);
          guard.checkRange(request);
          return reads.read(request.getSerializable(), () -> store.range(request))
              .thenApply(r -> r.toBuilder().setHeader(headers.complete(r.getHeader())).build());
        });
  }

  @Override
  public void put(PutRequest request, StreamObserver<PutResponse> observer) {
    Calls.reply(
        observer,
        () -> {
          Requests.checkPut(request);
          guard.checkPut(request);
          return proposals.propose(new KvCommand.Put(request), PutResponse.class)
              .thenApply(r -> r.toBuilder().setHeader(headers.complete(r.getHeader())).build());
        });
  }

  @Override
  public void deleteRange(DeleteRangeRequest request, StreamObserver<DeleteRangeResponse> observer) {
    Calls.reply(
        observer,
        () -> {
          Requests.checkDelete(request);
          guard.checkDelete(request);
          return proposals.propose(new KvCommand.DeleteRange(request), DeleteRangeResponse.class)
              .thenApply(r -> r.toBuilder().setHeader(headers.complete(r.getHeader())).build());
        });
  }

  @Override
  public void txn(TxnRequest request, StreamObserver<TxnResponse> observer) {
    Calls.reply(
        observer,
        () -> {
          Requests.checkTxn(request, maxTxnOps);
          guard.checkTxn(request);
          if (KvStore.isReadOnly(request)) {
            // as etcd 3.4: no Raft entry; a read barrier unless every op is a serializable range
            return reads.read(serializable(request), () -> store.readOnlyTxn(request))
                .thenApply(r -> r.toBuilder().setHeader(headers.complete(r.getHeader())).build());
          }
          return proposals.propose(new KvCommand.Txn(request), TxnResponse.class)
              .thenApply(r -> r.toBuilder().setHeader(headers.complete(r.getHeader())).build());
          // Responses inside the txn keep the store's header (revision only), as etcd's do.
        });
  }

  /**
   * etcd's {@code isTxnSerializable}: every op of both branches is a range asking for a serializable
   * read (a nested txn is not; a txn with no ops is).
   */
  static boolean serializable(TxnRequest request) {
    for (var ops : java.util.List.of(request.getSuccessList(), request.getFailureList())) {
      for (var op : ops) {
        if (!op.hasRequestRange() || !op.getRequestRange().getSerializable()) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void compact(CompactionRequest request, StreamObserver<CompactionResponse> observer) {
    Calls.reply(
        observer,
        () ->
            proposals.propose(new KvCommand.Compact(request), CompactionResponse.class)
                .thenApply(r -> r.toBuilder().setHeader(headers.complete(r.getHeader())).build()));
  }
}
