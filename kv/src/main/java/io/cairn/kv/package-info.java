/**
 * cairn kv: an etcd v3 compatible key-value store (issue 3). Not implemented yet; this module is its
 * home so the build and {@code cairn up} already have a place for it.
 *
 * <p>Planned packages, after etcd's {@code server/storage/mvcc} and {@code server/lease}: {@code
 * io.cairn.kv.mvcc} (revision-keyed store and key index over RocksDB), {@code io.cairn.kv.watch},
 * {@code io.cairn.kv.lease}, {@code io.cairn.kv.raft} (Ratis state machine), {@code io.cairn.kv.api}
 * (gRPC services and the JSON gateway).
 */
package io.cairn.kv;
