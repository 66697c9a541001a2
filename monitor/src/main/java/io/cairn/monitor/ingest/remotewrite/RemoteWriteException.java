package io.cairn.monitor.ingest.remotewrite;

import java.util.Objects;

/**
 * A request that cannot be accepted, with the text to answer it with. As Prometheus does, answer
 * with {@link #httpStatus()} and the message as a {@code text/plain} body followed by a newline;
 * a sender does not retry a 4xx answer.
 */
public final class RemoteWriteException extends Exception {
  /** Why the request was refused. */
  public enum Reason {
    /** Over a {@link RemoteWriteLimits} bound: HTTP 413. */
    TOO_LARGE(413),
    /** Not a valid snappy block: HTTP 400. */
    BAD_COMPRESSION(400),
    /** Not a valid {@code WriteRequest} protobuf: HTTP 400. */
    BAD_PROTOBUF(400),
    /** Labels break the remote write 1.0 rules: HTTP 400. */
    INVALID_SERIES(400);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }
  }

  private final Reason reason;

  RemoteWriteException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }

  public int httpStatus() {
    return reason.httpStatus;
  }
}
