/**
 * Immutable on-disk blocks, byte-compatible with Prometheus 2.42: a directory {@code <ULID>/} with
 * {@code meta.json}, {@code index} ({@link io.cairn.tsdb.index}), {@code chunks/} ({@link
 * io.cairn.tsdb.chunks}) and {@code tombstones}. Described in {@code docs/formats/tsdb-block.md}.
 *
 * <ul>
 *   <li>{@link io.cairn.tsdb.block.BlockWriter} writes a block from series sorted by labels, into a
 *       temporary directory renamed into place (crash-safe, everything fsynced); overlapping chunks
 *       are merged into re-encoded chunks of at most 120 samples.
 *   <li>{@link io.cairn.tsdb.block.Block} opens a block and queries it ({@link
 *       io.cairn.tsdb.storage.ChunkQuerier}), matchers resolved through postings as Prometheus's
 *       {@code PostingsForMatchers}.
 *   <li>{@link io.cairn.tsdb.block.Compactor} plans (Prometheus's leveled planning) and runs
 *       compactions; {@link io.cairn.tsdb.block.Retention} picks blocks to delete by age and size.
 *   <li>{@link io.cairn.tsdb.block.ChunkSeriesBuilder} cuts samples into chunks, for importers.
 * </ul>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>why</th></tr>
 *   <tr><td>samples per written chunk</td><td>120 when the writer re-encodes</td><td>Prometheus's
 *       {@code seriesToChunkEncoderSplit}; chunks without overlap are copied as they are</td></tr>
 *   <tr><td>writer memory</td><td>labels and chunk references of every series, no samples
 *       beyond one series' overlapping chunks</td><td>the index needs all symbols before the first
 *       series</td></tr>
 *   <tr><td>meta.json</td><td>at most 1 MiB, version 1</td><td>anything larger is not a meta file
 *       </td></tr>
 *   <tr><td>tombstones</td><td>read and checked; deletions in them are not applied yet</td><td>
 *       cairn never writes any</td></tr>
 * </table>
 *
 * <p>Thread-safety: a {@code Block} is safe for concurrent queries until {@code close}, which must
 * not run concurrently with a query (the database reference-counts blocks). Writers and the
 * compactor are used by one thread at a time.
 */
package io.cairn.tsdb.block;
