/**
 * cairn kv: an etcd v3 compatible key-value store, replicated by Raft (issue 3).
 *
 * <p>Packages, after etcd's {@code server/storage/mvcc}, {@code server/lease} and {@code
 * server/etcdserver/api/v3rpc}; dependencies point down this list only:
 *
 * <ul>
 *   <li>{@code io.cairn.kv.server} — {@code KvServer}, the {@code Service} that wires everything: the
 *       Raft group (module {@code raft}), the store, the lessor, the watch hub, the gRPC server and JSON
 *       gateway on the client port; configuration keys in etcd's spelling; metrics with etcd's names.
 *   <li>{@code io.cairn.kv.api} — the gRPC services (KV, Watch, Lease, Cluster, Maintenance) and the
 *       JSON gateway. Validates requests at the edge, turns writes into {@code KvCommand}s proposed to
 *       Raft, serves reads from the store after a read barrier (linearizable) or directly
 *       (serializable), and maps {@code EtcdException}s to gRPC status in one place.
 *   <li>{@code io.cairn.kv.watch} — {@code WatchHub}: many watchers per stream, fed by the store's
 *       apply listener; bounded per-watcher buffers; slow watchers resynchronise from storage.
 *   <li>{@code io.cairn.kv.lease} — {@code Lessor}: the leader's clock for lease expiry and
 *       keep-alive; proposes revokes and checkpoints through Raft, so expiry survives leader change.
 *   <li>{@code io.cairn.kv.store} — {@code KvStore}: the deterministic state every member applies in
 *       log order (MVCC keys keyed by revision, key index, leases, alarms, compaction, hash); {@code
 *       KvCommand}, the replicated command format; {@code EtcdError}, etcd's errors.
 *   <li>{@code io.cairn.kv.store.backend} — {@code Backend}: ordered byte storage with atomic batches,
 *       in memory or RocksDB.
 * </ul>
 */
package io.cairn.kv;
