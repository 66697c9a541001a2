package io.cairn.promql.engine;

import java.util.Objects;

/**
 * A query that could not be evaluated, with Prometheus's HTTP API {@code errorType} and error text.
 * The only exception {@link Engine} throws for a query.
 */
public final class QueryException extends RuntimeException {
  /** Prometheus's {@code errorType} values the engine produces. */
  public enum ErrorType {
    BAD_DATA("bad_data"),
    TIMEOUT("timeout"),
    CANCELED("canceled"),
    EXECUTION("execution"),
    INTERNAL("internal");

    private final String apiName;

    ErrorType(String apiName) {
      this.apiName = apiName;
    }

    /** As in the API's JSON: {@code bad_data}, {@code timeout}, … */
    public String apiName() {
      return apiName;
    }
  }

  private final ErrorType type;

  public QueryException(ErrorType type, String message) {
    super(message);
    this.type = Objects.requireNonNull(type, "type");
  }

  public QueryException(ErrorType type, String message, Throwable cause) {
    super(message, cause);
    this.type = Objects.requireNonNull(type, "type");
  }

  public ErrorType type() {
    return type;
  }

  static QueryException execution(String message) {
    return new QueryException(ErrorType.EXECUTION, message);
  }

  static QueryException tooManySamples() {
    return execution("query processing would load too many samples into memory in query execution");
  }

  static QueryException timeout(String where) {
    return new QueryException(ErrorType.TIMEOUT, "query timed out in " + where);
  }

  static QueryException canceled(String where) {
    return new QueryException(ErrorType.CANCELED, "query was canceled in " + where);
  }

  static QueryException sameLabelset() {
    return execution("vector cannot contain metrics with the same labelset");
  }
}
