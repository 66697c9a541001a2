/**
 * The write-ahead log of the head block, after Prometheus 2.42's {@code tsdb/wlog} and {@code
 * tsdb/record}; the format is written down in {@code docs/formats/tsdb-wal.md}.
 *
 * <ul>
 *   <li>{@link io.cairn.tsdb.wal.Wal} appends records to numbered segment files and fsyncs them as
 *       its {@link io.cairn.tsdb.wal.SyncPolicy} says (by default before {@code log} returns, with
 *       group commit); on open it repairs a torn end of the last segment.
 *   <li>{@link io.cairn.tsdb.wal.WalReader} reads records back across segments, and {@link
 *       io.cairn.tsdb.wal.WalReader#replay} reads the latest checkpoint then the segments after it.
 *   <li>{@link io.cairn.tsdb.wal.Records} encodes and decodes series and samples records.
 *   <li>{@link io.cairn.tsdb.wal.Checkpoint} compacts old segments into a {@code checkpoint.N}
 *       directory.
 * </ul>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>why</th></tr>
 *   <tr><td>page</td><td>32 KiB</td><td>Prometheus's; a fragment never crosses a page</td></tr>
 *   <tr><td>fragment header</td><td>7 bytes</td><td>type, 2-byte length, 4-byte CRC32C</td></tr>
 *   <tr><td>fragment data</td><td>32,761 bytes</td><td>a page minus a header</td></tr>
 *   <tr><td>record</td><td>1 byte to 64 MiB</td><td>{@code log} refuses others; a reader reports a
 *       longer one as corruption, so garbage never makes it allocate more</td></tr>
 *   <tr><td>segment size</td><td>32 KiB to 1 GiB, a multiple of 32 KiB; default 128 MiB</td><td>a
 *       record never spans segments: one larger than a segment makes its segment longer</td></tr>
 *   <tr><td>segment index</td><td>0 to 2<sup>31</sup>-1, named {@code %08d}</td><td>as Prometheus;
 *       indexes must be consecutive</td></tr>
 *   <tr><td>reader memory</td><td>one page plus the record being read</td><td></td></tr>
 *   <tr><td>open</td><td>reads the last non-empty segment once</td><td>to find a torn end</td></tr>
 *   <tr><td>compression</td><td>none; fragments with flag bits set are refused</td><td>cairn writes
 *       uncompressed records</td></tr>
 * </table>
 *
 * <p>Errors: damaged segments throw {@link io.cairn.tsdb.wal.CorruptionException} (an {@code
 * IOException}) naming the segment and the byte offset; records that do not decode throw {@link
 * io.cairn.tsdb.wal.RecordFormatException}; nothing else is thrown on bad bytes.
 */
package io.cairn.tsdb.wal;
