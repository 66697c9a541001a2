package io.cairn.kv.api;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

  /**
   * An observer that completes {@code future} with a unary call's reply or failure; a call that
   * ends without a reply fails it with {@code noReply}.
   */
  static <T> StreamObserver<T> completing(CompletableFuture<T> future, String noReply) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        future.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        future.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        future.completeExceptionally(new IllegalStateException(noReply));
      }
    };
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

  /** A body that blocks its (virtual) thread; interrupted when the call is cancelled. */
  interface BlockingBody<T> {
    T run() throws Exception;
  }

  /**
   * Runs {@code body} on {@code executor} (virtual threads) and answers with its result. The
   * calling context's cancellation (a gRPC client that cancels or times out, a gateway client that
   * disconnects) interrupts the body's thread; an interrupted body answers CANCELLED.
   */
  static <T> void blocking(StreamObserver<T> observer, Executor executor, BlockingBody<T> body) {
    Context context = Context.current();
    executor.execute(
        () -> {
          Thread self = Thread.currentThread();
          Context.CancellationListener interrupt = c -> self.interrupt();
          context.addListener(interrupt, Runnable::run);
          T value;
          try {
            value = context.call(body::run);
          } catch (InterruptedException e) {
            context.removeListener(interrupt);
            observer.onError(Status.CANCELLED.withDescription("context canceled").asRuntimeException());
            return;
          } catch (Exception e) {
            context.removeListener(interrupt);
            observer.onError(GrpcErrors.of(e));
            return;
          }
          context.removeListener(interrupt);
          Thread.interrupted(); // a cancellation that came after the body finished
          observer.onNext(value);
          observer.onCompleted();
        });
  }
}
