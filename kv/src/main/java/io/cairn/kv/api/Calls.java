package io.cairn.kv.api;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** Completing unary gRPC calls from futures. */
final class Calls {
  private Calls() {}

  /** Sends the future's value, or its failure mapped by {@link GrpcErrors}. */
  static <T> void reply(StreamObserver<T> observer, CompletableFuture<T> future) {
    future.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            observer.onError(GrpcErrors.of(failure));
          } else {
            observer.onNext(value);
            observer.onCompleted();
          }
        });
  }

  /** A body that may throw; failures become statuses. */
  interface Body<T> {
    CompletableFuture<T> run() throws Exception;
  }

  static <T> void reply(StreamObserver<T> observer, Body<T> body) {
    CompletableFuture<T> f;
    try {
      f = body.run();
    } catch (Exception e) {
      f = CompletableFuture.failedFuture(e);
    }
    reply(observer, f);
  }
}
