/**
 * The head block: the in-memory part of the database, after Prometheus 2.42's {@code tsdb/head*.go}.
 *
 * <ul>
 *   <li>{@link io.cairn.tsdb.head.Head} holds every series written since the last block was cut:
 *       series by labels and by reference, an inverted index ({@code Postings}) and per-series
 *       chunks ({@code MemSeries}). It is an {@code Appendable} and a {@code ChunkQuerier}.
 *   <li>Appending: an appender checks each sample against the committed state and buffers it; {@code
 *       commit} logs the records of series not logged yet and the samples to the WAL in one group-
 *       committed batch, waits for the fsync, then applies the samples. So an acknowledged sample is
 *       on disk; a replay ({@code Replay}) rebuilds the same series and chunks.
 *   <li>Chunks: in-order samples go to the series' open XOR chunk, cut at 120 samples or at a
 *       multiple of the chunk range (2 h), so the head can be cut into aligned blocks. Out-of-order
 *       samples (behind the series' newest, within the window of the head's newest) are kept sorted
 *       per series and encoded when read; readers merge them, the out-of-order sample winning on an
 *       equal timestamp.
 *   <li>Labels: a series' labels are interned when it is created ({@code LabelInterner}, also at
 *       replay), so equal name/value pairs are one object across all series; scrape caches keep
 *       the interned set ({@code Appender.intern}). Truncation rebuilds the interner from the
 *       series still alive.
 *   <li>Truncation: after the database has written {@code [mint, mint + range)} to a block, {@link
 *       io.cairn.tsdb.head.Head#truncate} drops older data and dead series and checkpoints the WAL.
 * </ul>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>default</th><th>why</th></tr>
 *   <tr><td>series</td><td>5,000,000 ({@code HeadOptions.maxSeries})</td><td>a new series beyond it
 *       is refused with {@code SERIES_LIMIT}; existing series keep accepting samples</td></tr>
 *   <tr><td>out-of-order window</td><td>10 min (0 to the chunk range)</td><td>older samples are
 *       refused with {@code OUT_OF_ORDER}; Prometheus's default is 0 (off)</td></tr>
 *   <tr><td>chunk</td><td>120 samples</td><td>Prometheus's; about 1–2 bytes per sample</td></tr>
 *   <tr><td>samples per WAL record</td><td>10,000</td><td>keeps records far below the 64 MiB WAL
 *       record limit</td></tr>
 * </table>
 *
 * <p>Differences from Prometheus: the out-of-order window is measured from the head's newest sample
 * (as Prometheus) but out-of-order samples live in the head only until the next block is cut (no
 * separate out-of-order blocks for samples older than the head); a duplicate timestamp with another
 * value is refused at append, and dropped and counted if it lost a race at commit.
 */
package io.cairn.tsdb.head;
