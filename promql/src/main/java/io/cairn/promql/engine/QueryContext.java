package io.cairn.promql.engine;

import io.cairn.promql.storage.Queryable;

/**
 * What one query's evaluators share: storage, limits, the deadline and the count of samples held in
 * memory (Prometheus's {@code currentSamples}). Confined to the query's thread.
 */
final class QueryContext {
  final Queryable queryable;
  final long lookbackMillis;
  final long maxSamples;
  final long subqueryStepMillis;
  final long deadlineNanos;
  /** The query's start and end, what {@code @ start()} and {@code @ end()} mean. */
  final long queryStart;
  final long queryEnd;
  long currentSamples;
  private int checks;

  QueryContext(Queryable queryable, EngineOptions opts, long deadlineNanos, long queryStart, long queryEnd) {
    this.queryable = queryable;
    this.lookbackMillis = opts.lookbackDelta().toMillis();
    this.maxSamples = opts.maxSamples();
    this.subqueryStepMillis = opts.subqueryDefaultStep().toMillis();
    this.deadlineNanos = deadlineNanos;
    this.queryStart = queryStart;
    this.queryEnd = queryEnd;
  }

  /** Fails the query if it timed out or its thread was interrupted; cheap enough for inner loops. */
  void check() {
    if ((++checks & 0xff) != 0) {
      return;
    }
    checkNow();
  }

  void checkNow() {
    if (Thread.currentThread().isInterrupted()) {
      throw QueryException.canceled("query execution");
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw QueryException.timeout("query execution");
    }
  }

  /** Accounts {@code n} more samples in memory; fails the query past the limit. */
  void addSamples(long n) {
    currentSamples += n;
    if (currentSamples > maxSamples) {
      throw QueryException.tooManySamples();
    }
  }
}
