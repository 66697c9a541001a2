/**
 * Chunk encodings after Prometheus's {@code tsdb/chunkenc}: compressed runs of one series' samples.
 *
 * <p>{@link io.cairn.tsdb.chunkenc.XorChunk} is Gorilla's float encoding (delta-of-delta timestamps,
 * XOR-compressed values) and writes the same bytes Prometheus 2.42 writes for the same samples, so
 * cairn's chunk files and Prometheus's can be read by either. The format is described in {@code
 * docs/formats/tsdb-chunks.md} and frozen by {@code XorChunkGoldenTest}.
 *
 * <p>Contracts, in short: a chunk is not thread-safe, one appender at a time (the latest) appends to
 * it; an iterator sees the samples present when it was made, never throws on corrupt bytes, and
 * reports them through {@link io.cairn.tsdb.chunkenc.ChunkIterator#err()} after returning {@code
 * false}. Values keep their exact bits, Prometheus's stale-marker NaN included.
 *
 * <p>{@code BitWriter} and {@code BitReader} are the bit streams underneath (package-private).
 */
package io.cairn.tsdb.chunkenc;
