package io.cairn.kv.server;

import io.etcd.jetcd.api.KVGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The gRPC calls that run on the network event loop instead of a virtual thread: Put,
 * DeleteRange and Txn. Each only validates the request, checks permissions in memory and queues a
 * proposal ({@link io.cairn.kv.api.Proposals#propose} never blocks), so a thread hop per call would
 * cost more than the call itself. Every other call (reads, which may scan a large range; watches; maintenance;
 * authentication, which hashes passwords) keeps the server's virtual-thread executor.
 */
final class DirectCalls {
  private static final Executor DIRECT = Runnable::run;
  private static final Set<String> METHODS =
      Set.of(
          KVGrpc.getPutMethod().getFullMethodName(),
          KVGrpc.getDeleteRangeMethod().getFullMethodName(),
          KVGrpc.getTxnMethod().getFullMethodName());

  static final ServerCallExecutorSupplier SUPPLIER =
      new ServerCallExecutorSupplier() {
        @Override
        public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata metadata) {
          return METHODS.contains(call.getMethodDescriptor().getFullMethodName()) ? DIRECT : null;
        }
      };

  private DirectCalls() {}
}
