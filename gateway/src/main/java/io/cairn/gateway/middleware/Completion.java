package io.cairn.gateway.middleware;

import java.time.Duration;
import java.util.Objects;

/**
 * How a request ended, reported by the proxy through {@link Exchange#complete}: the status sent
 * to the client (0 if none could be sent), whether the upstream failed at the network level
 * (connect refused, reset, timeout: the proxy's own 502/504), and the time from the start of the
 * pipeline to the end of the response.
 */
public record Completion(int status, boolean networkError, Duration latency) {
  public Completion {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or positive, got " + latency);
    }
  }
}
