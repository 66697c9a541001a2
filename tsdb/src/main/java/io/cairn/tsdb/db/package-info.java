/**
 * The database: {@link io.cairn.tsdb.db.Db} puts the head in front of the immutable blocks in one
 * directory, as Prometheus's {@code tsdb.DB}, and runs the maintenance that moves data from the
 * head into blocks, compacts blocks and applies retention.
 *
 * <pre>
 * &lt;dir&gt;/lock              held while open (a second process fails to open)
 * &lt;dir&gt;/wal/              the head's write-ahead log and checkpoints
 * &lt;dir&gt;/&lt;ULID&gt;/           immutable blocks (meta.json, index, chunks/, tombstones)
 * </pre>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>what</th><th>default</th><th>as Prometheus</th></tr>
 *   <tr><td>block ranges</td><td>2h, 6h, 18h, 54h, ... up to a tenth of the retention (at most
 *       31 d)</td><td>yes</td></tr>
 *   <tr><td>head cut</td><td>when the head spans more than 1.5 block ranges, its oldest range
 *       becomes a block</td><td>yes</td></tr>
 *   <tr><td>retention</td><td>15 d by time, no size limit (size counts blocks and WAL)</td>
 *       <td>yes</td></tr>
 *   <tr><td>maintenance</td><td>every minute</td><td>yes</td></tr>
 * </table>
 */
package io.cairn.tsdb.db;
