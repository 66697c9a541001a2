package io.cairn.gateway.router;

import java.util.List;
import java.util.stream.Collectors;

/** A route table could not be built: every bad router is listed. */
public final class InvalidRoutesException extends Exception {
  private final List<RouteError> errors;

  public InvalidRoutesException(List<RouteError> errors) {
    super(errors.stream().map(RouteError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /** The bad routers, in the order they were added; never empty. */
  public List<RouteError> errors() {
    return errors;
  }
}
