package io.cairn.kv.api;

import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.raft.RaftException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns failures into the gRPC statuses etcd returns. The only place that does so. */
final class GrpcErrors {
  private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  static StatusRuntimeException of(EtcdError error) {
    return status(error).asRuntimeException();
  }

  static Status status(EtcdError error) {
    Status.Code code =
        switch (error.code()) {
          case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
          case OUT_OF_RANGE -> Status.Code.OUT_OF_RANGE;
          case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
          case NOT_FOUND -> Status.Code.NOT_FOUND;
          case FAILED_PRECONDITION -> Status.Code.FAILED_PRECONDITION;
          case UNAVAILABLE -> Status.Code.UNAVAILABLE;
          case DATA_LOSS -> Status.Code.DATA_LOSS;
          case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
          case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
          case INTERNAL -> Status.Code.INTERNAL;
        };
    return Status.fromCode(code).withDescription(error.message());
  }

  /** Any failure of a call, unwrapped, as the status to return. */
  static StatusRuntimeException of(Throwable t) {
    Throwable cause = unwrap(t);
    return switch (cause) {
      case StatusRuntimeException s -> s;
      case EtcdException e -> of(e.error());
      case RaftException.NotLeader n -> of(EtcdError.NOT_LEADER);
      case RaftException.NoLeader n -> of(EtcdError.NO_LEADER);
      case RaftException.Timeout to -> of(EtcdError.TIMEOUT);
      case RaftException.Stopped s -> of(EtcdError.STOPPED);
      case RaftException.BadConfiguration b ->
          Status.FAILED_PRECONDITION.withDescription("etcdserver: " + b.getMessage()).asRuntimeException();
      case CancellationException c -> Status.CANCELLED.withDescription("context canceled").asRuntimeException();
      default -> {
        log.warn("unexpected failure serving a kv request", cause);
        yield Status.INTERNAL.withDescription("etcdserver: " + cause).asRuntimeException();
      }
    };
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
