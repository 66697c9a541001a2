package io.cairn.kv.api;

import io.cairn.kv.store.EtcdError;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.function.BooleanSupplier;

/**
 * What a learner serves, as etcd 3.4's {@code isRPCSupportedForLearner}: {@code Status} and
 * serializable {@code Range} only. Every other gRPC call to a learner, streams included, fails with
 * {@code etcdserver: rpc not supported for learner} (Unavailable), on which etcd clients try another
 * endpoint. Calls through the JSON gateway are not checked. Thread-safe.
 */
public final class LearnerGuard implements ServerInterceptor {
  private static final String STATUS = MaintenanceGrpc.getStatusMethod().getFullMethodName();
  private static final String RANGE = KVGrpc.getRangeMethod().getFullMethodName();
  private static final io.grpc.Status REFUSED = GrpcErrors.of(EtcdError.GRPC_NOT_SUPPORTED_FOR_LEARNER).getStatus();

  private final BooleanSupplier learner;

  /** @param learner whether this member is a learner now */
  public LearnerGuard(BooleanSupplier learner) {
    this.learner = learner;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!learner.getAsBoolean()) {
      return next.startCall(call, headers);
    }
    String method = call.getMethodDescriptor().getFullMethodName();
    if (method.equals(STATUS)) {
      return next.startCall(call, headers);
    }
    if (!method.equals(RANGE)) {
      call.close(REFUSED, new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private boolean refused;

      @Override
      public void onMessage(Q message) {
        if (message instanceof RangeRequest r && !r.getSerializable()) {
          refused = true;
          call.close(REFUSED, new Metadata());
          return;
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          super.onHalfClose();
        }
      }
    };
  }
}
