package io.cairn.promql.parser;

/**
 * The {@code @} modifier of a selector or subquery: a fixed time, or the query's {@code start()} or
 * {@code end()}. A node without one holds {@code null}.
 */
public sealed interface At {
  /** {@code @ <seconds>}, held in milliseconds since the epoch (Prometheus rounds to milliseconds). */
  record Time(long millis) implements At {}

  /** {@code @ start()}. */
  record Start() implements At {}

  /** {@code @ end()}. */
  record End() implements At {}
}
