/**
 * cairn tsdb: time-series storage after Prometheus's {@code tsdb/} (issue 4), used by cairn monitor.
 *
 * <p>Packages, one concept each (the plan; a package exists once it has code):
 *
 * <ul>
 *   <li>{@code model}: {@code Labels} (a series' identity, sorted by name) and samples — the values
 *       every other package and the monitor share.
 *   <li>{@code chunkenc}: Gorilla-compressed chunks (delta-of-delta timestamps, XOR floats),
 *       byte-compatible with Prometheus's XOR chunk; appender and iterator.
 *   <li>{@code wal}: the write-ahead log — numbered segment files of CRC32C-checked records (series,
 *       samples, tombstones), torn-write-safe replay, checkpoints; an acknowledged append survives
 *       {@code kill -9}.
 *   <li>{@code head}: the in-memory block — series by ID, per-series open chunks, postings, the
 *       out-of-order window; appends go to the WAL first.
 *   <li>{@code index}, {@code block}: immutable on-disk blocks (symbols, series, postings per label
 *       pair, chunk files), compaction and retention.
 * </ul>
 *
 * <p>Every on-disk format is described in {@code docs/} and frozen by a golden-file test; every
 * decoder is fuzzed. Contracts (thread-safety, what empty means, what a call blocks on) are written
 * on the interfaces.
 */
package io.cairn.tsdb;
