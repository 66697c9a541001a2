/**
 * A block's {@code index} file in Prometheus's index format version 2 (Prometheus 2.42's {@code
 * tsdb/index}); the layout is written down in {@code docs/formats/tsdb-index.md} and frozen by
 * {@code BlockGoldenTest}.
 *
 * <ul>
 *   <li>{@link io.cairn.tsdb.index.IndexWriter} writes symbols, then series in label order, then on
 *       {@code close} the label indices, postings lists, both offset tables and the TOC, the same
 *       bytes Prometheus writes for the same input.
 *   <li>{@link io.cairn.tsdb.index.IndexReader} reads symbols, postings per label pair (the pair
 *       {@code ("", "")} lists every series), series by reference, label names and values.
 * </ul>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>why</th></tr>
 *   <tr><td>series reference</td><td>offset / 16, below 2<sup>31</sup></td><td>Prometheus allows
 *       2<sup>32</sup>; cairn keeps references in an {@code int}, so the series section must end
 *       before 32 GiB</td></tr>
 *   <tr><td>symbol table, each postings list, the offset tables</td><td>below 2 GiB each</td><td>the
 *       writer builds each in memory; the format's limit is 4 GiB</td></tr>
 *   <tr><td>writer memory</td><td>symbols, plus 4 bytes per label per series (the postings)</td>
 *       <td>Prometheus re-reads its own file instead; cairn's blocks are small enough</td></tr>
 *   <tr><td>reader memory at open</td><td>every symbol and every postings-table entry</td><td>both
 *       are read eagerly and checked once</td></tr>
 *   <tr><td>string order</td><td>Unicode code point order (= UTF-8 byte order, Go's)</td><td>for
 *       symbols, label names and values; series are written in {@code Labels} order</td></tr>
 *   <tr><td>format versions read</td><td>2 only</td><td>version 1 (pre-2.8) symbol references are
 *       offsets; every Prometheus since 2.8 writes version 2</td></tr>
 * </table>
 *
 * <p>Errors: bytes that do not follow the format make the reader throw {@link
 * io.cairn.tsdb.index.CorruptIndexException} (an {@code IOException}) naming the section and the
 * byte offset; it never throws anything else on bad bytes and never reads outside the file.
 * Thread-safety: a reader is immutable after {@code open} and safe for concurrent use until
 * {@code close}; a writer is used by one thread.
 */
package io.cairn.tsdb.index;
