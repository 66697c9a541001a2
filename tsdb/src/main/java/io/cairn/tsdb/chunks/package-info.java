/**
 * A block's chunk files ({@code chunks/000001}, {@code 000002}, …), as Prometheus 2.42's {@code
 * tsdb/chunks} writes them; described in {@code docs/formats/tsdb-block.md}.
 *
 * <p>Each segment file starts with an 8-byte header (magic {@code 0x85BD40DD}, version 1, three
 * zero bytes), then chunks: {@code uvarint len | encoding byte | data | CRC32C(encoding, data)}. A
 * chunk reference is {@code (segment position) << 32 | offset}, where the position counts from 0
 * for file {@code 000001}.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>limit</th><th>why</th></tr>
 *   <tr><td>segment size</td><td>512 MiB by default</td><td>Prometheus's; only a single chunk larger
 *       than a segment makes one longer</td></tr>
 *   <tr><td>chunk data</td><td>at most 2<sup>31</sup>-1 bytes (Prometheus reads a 5-byte uvarint)
 *       </td><td>an XOR chunk is at most ~1 MiB in practice</td></tr>
 *   <tr><td>segments</td><td>at most 2<sup>31</sup>, numbered from 000001</td><td>as
 *       Prometheus</td></tr>
 * </table>
 *
 * <p>Errors: a damaged segment makes the reader throw {@link
 * io.cairn.tsdb.chunks.CorruptChunkFileException} naming the file and the offset. The reader is
 * thread-safe until {@code close}; the writer is used by one thread.
 */
package io.cairn.tsdb.chunks;
