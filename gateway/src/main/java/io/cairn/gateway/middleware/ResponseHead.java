package io.cairn.gateway.middleware;

import java.util.Objects;

/**
 * The status line and headers of a response on its way back to the client, before the body:
 * middlewares may change both in {@link Middleware#onResponse}. Mutable, not thread-safe.
 */
public final class ResponseHead {
  private int status;
  private final HeaderMap headers;

  public ResponseHead(int status, HeaderMap headers) {
    this.status = checkStatus(status);
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  static int checkStatus(int status) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must be a 3-digit HTTP status, got " + status);
    }
    return status;
  }

  public int status() {
    return status;
  }

  public void status(int status) {
    this.status = checkStatus(status);
  }

  /** The response headers, mutable in place. */
  public HeaderMap headers() {
    return headers;
  }
}
