/**
 * PromQL after Prometheus 2.42 (issue 5): the language, its evaluation, over storage that does not
 * need to be cairn's tsdb.
 *
 * <ul>
 *   <li>{@link io.cairn.promql.parser} — the abstract syntax tree ({@link io.cairn.promql.parser.Expr}
 *       and its records), the lexer and the parser (errors name the position and what was expected,
 *       as Prometheus's do), the printer ({@code String()} and the prettifier behind
 *       {@code /api/v1/format_query}), and the function signature table.
 *   <li>{@link io.cairn.promql.storage} — what the engine reads: {@code Queryable} selects series by
 *       matchers over a time range; an adapter reads cairn's {@code tsdb} through its
 *       {@code ChunkQuerier}.
 *   <li>{@link io.cairn.promql.engine} — instant and range evaluation, lookback and staleness,
 *       every operator, aggregation and function of 2.42 (native histograms excepted), query limits
 *       (max samples, timeout, concurrency) with Prometheus's errors.
 * </ul>
 *
 * <p>Dependencies point one way: engine → parser, engine → storage; parser depends on nothing but
 * {@code tsdb.model} (labels and matchers). The monitor module's HTTP API sits on top.
 */
package io.cairn.promql;
