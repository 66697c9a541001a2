/**
 * Watches, after etcd's {@code mvcc/watchable_store.go} and {@code v3rpc/watch.go}.
 *
 * <ul>
 *   <li>{@link io.cairn.kv.watch.WatchHub} — every watcher of this member; fed by the store's apply
 *       listener; catches lagging watchers up from storage.
 *   <li>{@link io.cairn.kv.watch.WatchStream} — the watchers of one client stream: IDs, create,
 *       cancel, progress.
 *   <li>{@link io.cairn.kv.watch.WatchSink} — where a stream's responses go (the gRPC call), with a
 *       bounded buffer the hub respects.
 *   <li>{@link io.cairn.kv.watch.KeyRange} — which keys a watcher covers.
 * </ul>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>limit</th><th>default</th></tr>
 *   <tr><td>responses buffered per stream before its watchers fall back to catch-up</td><td>256</td></tr>
 *   <tr><td>events read from storage per catch-up step</td><td>1,000</td></tr>
 *   <tr><td>catch-up interval for lagging watchers</td><td>100 ms (and at once when a stream drains)</td></tr>
 *   <tr><td>progress notification interval ({@code progress_notify})</td><td>10 min, as etcd</td></tr>
 * </table>
 */
package io.cairn.kv.watch;
