/**
 * What the PromQL engine reads, independent of cairn's tsdb: {@link io.cairn.promql.storage.Queryable}
 * selects {@link io.cairn.promql.storage.Series} by matchers over a time range, and each series
 * hands out {@link io.cairn.promql.storage.SampleIterator}s. {@link
 * io.cairn.promql.storage.TsdbQueryable} adapts the tsdb's {@code ChunkQuerier};
 * {@link io.cairn.promql.storage.ArraySeries} holds samples in memory (tests, the test-script
 * harness).
 */
package io.cairn.promql.storage;
