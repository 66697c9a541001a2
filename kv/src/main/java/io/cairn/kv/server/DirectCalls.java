package io.cairn.kv.server;

import io.etcd.jetcd.api.KVGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Which thread runs a gRPC call's handler.
 *
 * <p>The server's own executor is {@link #DIRECT}: gRPC looks up each new call's method and asks
 * {@link #supplier} for the call's executor on the network event loop, which costs less than the
 * virtual thread gRPC would otherwise start for every call only to do that (JFR under {@code etcdctl
 * check perf}: one new virtual thread and one thread hop per request). Everything after that (the
 * interceptors, {@code startCall}, the messages and the handler) runs on the executor the supplier
 * chose.
 *
 * <p>Put, DeleteRange and Txn stay on the event loop, since each only validates the request, checks
 * permissions in memory and queues a proposal ({@link io.cairn.kv.api.Proposals#propose} never
 * blocks), so a thread hop per call would cost more than the call itself. Every other call (reads,
 * which may scan a large range or wait for a read barrier; watches; maintenance; authentication,
 * which hashes passwords) runs on {@code blocking}, the virtual-thread executor. Cancellation
 * listeners run on the event loop too; they only interrupt or close.
 */
final class DirectCalls {
  static final Executor DIRECT = Runnable::run;
  private static final Set<String> METHODS =
      Set.of(
          KVGrpc.getPutMethod().getFullMethodName(),
          KVGrpc.getDeleteRangeMethod().getFullMethodName(),
          KVGrpc.getTxnMethod().getFullMethodName());

  /** {@link #DIRECT} for the three write calls, {@code blocking} for every other call. */
  static ServerCallExecutorSupplier supplier(Executor blocking) {
    return new ServerCallExecutorSupplier() {
      @Override
      public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata metadata) {
        return METHODS.contains(call.getMethodDescriptor().getFullMethodName()) ? DIRECT : blocking;
      }
    };
  }

  private DirectCalls() {}
}
