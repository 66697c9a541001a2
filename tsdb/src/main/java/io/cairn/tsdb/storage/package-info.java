/**
 * The storage contracts every part of tsdb meets and the monitor (scrape, ingest, later PromQL)
 * uses, after Prometheus's {@code storage} package.
 *
 * <ul>
 *   <li>{@link io.cairn.tsdb.storage.Appendable} / {@link io.cairn.tsdb.storage.Appender}: the way
 *       in. An appender collects samples; {@code commit} makes them durable (WAL fsync) and visible
 *       together; only then is a write acknowledged.
 *   <li>{@link io.cairn.tsdb.storage.ChunkQuerier}: the way out. Series selected by {@link
 *       io.cairn.tsdb.model.Matcher}s over a time range, as {@link
 *       io.cairn.tsdb.storage.ChunkSeries} (labels plus encoded chunks). The head, every block and
 *       the whole database implement it; {@link io.cairn.tsdb.storage.SeriesSamples} decodes and
 *       merges chunks into samples.
 * </ul>
 */
package io.cairn.tsdb.storage;
