package io.cairn.gateway.middleware;

import java.util.Objects;

/**
 * A middleware could not be built from its options (bad regular expression, bad IP range,
 * unreadable users file, unknown chain reference, bad circuit-breaker expression…). The message
 * names the middleware: {@code middleware "NAME": PROBLEM}.
 */
public final class MiddlewareException extends RuntimeException {
  private final String middleware;

  public MiddlewareException(String middleware, String problem) {
    this(middleware, problem, null);
  }

  public MiddlewareException(String middleware, String problem, Throwable cause) {
    super("middleware \"" + middleware + "\": " + problem, cause);
    this.middleware = Objects.requireNonNull(middleware, "middleware");
  }

  /** The name of the middleware that could not be built. */
  public String middleware() {
    return middleware;
  }
}
