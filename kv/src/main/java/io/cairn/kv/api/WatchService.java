package io.cairn.kv.api;

import io.cairn.kv.store.EtcdError;

import io.cairn.kv.watch.WatchHub;
import io.cairn.kv.watch.WatchStream;
import io.etcd.jetcd.api.WatchGrpc;
import io.etcd.jetcd.api.WatchRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;

/** {@code etcdserverpb.Watch}: one bidirectional stream carrying many watchers. */
public final class WatchService extends WatchGrpc.WatchImplBase {
  /** Event responses buffered per stream before its watchers fall back to catch-up. */
  static final int MAX_BUFFERED_EVENT_RESPONSES = 256;

  private final WatchHub hub;
  private final Executor executor;
  private final AuthGuard guard;

  public WatchService(WatchHub hub, Executor executor, AuthGuard guard) {
    this.guard = guard;
    this.hub = hub;
    this.executor = executor;
  }

  @Override
  public StreamObserver<WatchRequest> watch(StreamObserver<WatchResponse> responses) {
    var call = (ServerCallStreamObserver<WatchResponse>) responses;
    GrpcWatchSink sink = new GrpcWatchSink(call, hub, executor, MAX_BUFFERED_EVENT_RESPONSES);
    WatchStream stream = hub.openStream(sink);
    call.setOnCancelHandler(
        () -> {
          sink.close();
          stream.close();
        });
    return new StreamObserver<>() {
      @Override
      public void onNext(WatchRequest request) {
        switch (request.getRequestUnionCase()) {
          case CREATE_REQUEST -> {
            var create = request.getCreateRequest();
            if (guard.mayWatch(create.getKey(), create.getRangeEnd())) {
              stream.create(create);
            } else {
              stream.deny(create, "rpc error: code = PermissionDenied desc = " + EtcdError.PERMISSION_DENIED.message());
            }
          }
          case CANCEL_REQUEST -> stream.cancel(request.getCancelRequest().getWatchId());
          case PROGRESS_REQUEST -> stream.requestProgress();
          case REQUESTUNION_NOT_SET -> {} // etcd ignores empty requests
        }
      }

      @Override
      public void onError(Throwable t) {
        sink.close();
        stream.close();
      }

      /**
       * The client half-closed. etcd keeps the watchers running and the stream open until the
       * client cancels it (its recvLoop ends without ending the call), and so does cairn: the JSON
       * gateway relies on this, as a curl watch sends one request and then half-closes.
       */
      @Override
      public void onCompleted() {}
    };
  }
}
