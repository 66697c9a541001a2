/**
 * Evaluation of PromQL after Prometheus 2.42's {@code promql/engine.go}, {@code functions.go} and
 * {@code quantile.go}.
 *
 * <ul>
 *   <li>{@link io.cairn.promql.engine.Engine} — {@code instant(Queryable, Expr, long timeMillis)} and
 *       {@code range(Queryable, Expr, long start, long end, long step)}; thread-safe, one engine per
 *       server. Lookback delta (inclusive at its far end, as 2.42), staleness markers hide a series,
 *       {@code @} (incl. {@code start()}/{@code end()}) and negative offsets always on, subquery
 *       steps aligned to absolute multiples of the step, default subquery step 1m.
 *   <li>{@link io.cairn.promql.engine.EngineOptions} — typed limits with defaults: max samples in
 *       memory at once (50,000,000), timeout (2m, queueing included, checked cooperatively in the
 *       evaluation loops), max concurrent queries (20, a fair semaphore), lookback delta (5m).
 *   <li>Values: {@code Scalar}, {@code StringValue}, {@code Vector} of {@link
 *       io.cairn.promql.engine.Sample}s, {@code Matrix} of {@link io.cairn.promql.engine.RangeSeries}
 *       — a sealed {@link io.cairn.promql.engine.Value}.
 *   <li>{@link io.cairn.promql.engine.QueryException} — carries Prometheus's {@code errorType}
 *       ({@code bad_data}, {@code timeout}, {@code canceled}, {@code execution}, {@code internal})
 *       and its message text; the only exception the engine throws for a query.
 *   <li>Internals, one file per concern: {@code Evaluator} (step-wise evaluation, {@code rangeEval}),
 *       {@code Selectors}, {@code BinaryEval}, {@code AggregationEval} (+ {@code SampleHeap}),
 *       {@code CallEval}, {@code VectorFunctions}, {@code RangeFunctions}, {@code OverTime},
 *       {@code Regression}, {@code Quantiles}, {@code HistogramQuantile}, {@code LabelFunctions},
 *       {@code DateFunctions}, {@code GoMath}.
 * </ul>
 *
 * <p>Unlike Prometheus the engine does not rewrite the tree into step-invariant nodes: a selector or
 * subquery with {@code @} is evaluated at its fixed time at every step, which gives the same values.
 */
package io.cairn.promql.engine;
