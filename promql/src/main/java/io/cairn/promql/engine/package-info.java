/**
 * Evaluation of PromQL after Prometheus 2.42's {@code promql/engine.go} (to be built; sketch).
 *
 * <ul>
 *   <li>{@code Engine} — {@code instant(Queryable, Expr, long timeMillis)} and {@code range(Queryable,
 *       Expr, long start, long end, long step)}; thread-safe, one engine per server. Lookback delta
 *       (default 5m), staleness markers end a series, {@code @} and negative offsets always on,
 *       subquery default step 1m.
 *   <li>{@code EngineOptions} — typed limits with defaults: max samples in memory at once (50,000,000),
 *       timeout (2m), max concurrent queries (20), lookback delta.
 *   <li>Values: {@code Scalar}, {@code StringValue}, {@code Vector} of samples, {@code Matrix} of
 *       series with points — a sealed {@code Value}.
 *   <li>{@code QueryException} — carries Prometheus's {@code errorType} ({@code bad_data},
 *       {@code timeout}, {@code canceled}, {@code execution}, {@code internal}) and its message text.
 *   <li>Functions, aggregations, binary operators and vector matching, one file per concern.
 * </ul>
 */
package io.cairn.promql.engine;
