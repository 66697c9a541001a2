/**
 * The deterministic etcd 3.4 keyspace every member applies in Raft log order: {@link
 * io.cairn.kv.store.KvStore} (the contract), {@link io.cairn.kv.store.KvStores} (opening one), {@link
 * io.cairn.kv.store.KvCommand} (the replicated command) and {@link io.cairn.kv.store.ApplyResult}.
 *
 * <h2>Classes</h2>
 *
 * {@code MvccStore} (locking, reads, lifecycle) delegates applying to {@code Applier} (alarm gates,
 * Put, DeleteRange, Compaction, leases, alarms), {@code TxnApplier} (compares, checks, ops) and
 * {@code WriteTxn} (one main revision of changes); ranges to {@code RangeQuery}; history and HashKV
 * to {@code History}; compaction's deletions to {@code Compactor}; open-time rebuilding to {@code
 * StoreLoader}; building a store from another etcd keyspace's records (an etcd snapshot) to {@link
 * io.cairn.kv.store.StoreImport}. In memory: {@code TreeIndex} of {@code KeyIndex} generations
 * (etcd's treeIndex), {@code Leases}, {@code Alarms}, all in {@code StoreState}.
 *
 * <h2>On-disk format, version 1 (frozen)</h2>
 *
 * Eight buckets of a {@link io.cairn.kv.store.backend.Backend} (RocksDB column families of the same
 * names; RocksDB's {@code default} family is unused). Keys sort as unsigned bytes. Integers are
 * big-endian. Protobuf messages are the etcd ones from {@code io.etcd.jetcd.api}, encoded by
 * protobuf-java (field order, zero fields omitted), which is byte-identical to etcd's gogoproto
 * encoding; so the KEY bucket holds exactly what etcd's bbolt {@code key} bucket holds.
 *
 * <table>
 *   <caption>Buckets</caption>
 *   <tr><th>bucket</th><th>key</th><th>value</th></tr>
 *   <tr><td>{@code key}</td>
 *       <td>revision: 8-byte main, {@code '_'} (0x5f), 8-byte sub; a deletion appends {@code 't'}
 *           (0x74)</td>
 *       <td>{@code mvccpb.KeyValue}; for a deletion only {@code key} is set</td></tr>
 *   <tr><td>{@code meta}</td><td>{@code "cairn_storage_format"}</td><td>8-byte format version, 1;
 *       written when a store is created; other versions are refused at open</td></tr>
 *   <tr><td>{@code meta}</td><td>{@code "consistent_index"}</td><td>8-byte applied Raft index</td></tr>
 *   <tr><td>{@code meta}</td><td>{@code "current_revision"}</td><td>8-byte current revision (kept
 *       explicitly: compaction may remove every revision that would tell it)</td></tr>
 *   <tr><td>{@code meta}</td><td>{@code "scheduledCompactRev"}</td><td>revision bytes (main, '_',
 *       sub 0) of the last Compact command, written with it</td></tr>
 *   <tr><td>{@code meta}</td><td>{@code "finishedCompactRev"}</td><td>the same, written when its
 *       deletions are done; if it is behind the scheduled one at open, the compaction is rerun</td></tr>
 *   <tr><td>{@code lease}</td><td>8-byte lease ID</td><td>{@code leasepb.Lease}: ID (1), TTL (2,
 *       granted seconds), RemainingTTL (3, last checkpoint; 0 = none)</td></tr>
 *   <tr><td>{@code alarm}</td><td>{@code AlarmMember} protobuf (memberID, alarm)</td><td>empty</td></tr>
 *   <tr><td>{@code auth}</td><td>{@code "authEnabled"}, {@code "authRevision"}, {@code
 *       "cairnTokenSecret"}</td><td>1 byte (1 on, 0 off); 8-byte auth revision; the token HMAC key
 *       (32 bytes, empty while disabled). Written by the first auth command (etcd's layout plus the
 *       secret)</td></tr>
 *   <tr><td>{@code authUsers}</td><td>user name (UTF-8)</td><td>{@code authpb.User} (password: the
 *       bcrypt hash)</td></tr>
 *   <tr><td>{@code authRoles}</td><td>role name (UTF-8)</td><td>{@code authpb.Role}</td></tr>
 *   <tr><td>{@code cairnPendingMembers}</td><td>8-byte member ID</td><td>{@code etcdserverpb.Member}
 *       (ID, peer URLs, learner flag) of a member added and not yet in the Raft configuration
 *       ({@code PendingMembers}); cairn's own, not in snapshots. Added in place: a store from before
 *       gets the empty column family when it opens</td></tr>
 * </table>
 *
 * <p>Every apply writes its changes, {@code consistent_index} and {@code current_revision} in one
 * atomic batch. Lease attachments are not stored: they are the {@code lease} field of each key's
 * latest live KeyValue, read back at open. The key index is rebuilt at open by replaying the KEY
 * bucket in revision order. {@code StorageFormatGoldenTest} freezes this format byte for byte.
 *
 * <h2>Deviations from etcd, on purpose</h2>
 *
 * <ul>
 *   <li>Quota: NOSPACE is raised by the store itself at apply (member ID 0) when the logical size
 *       ({@link io.cairn.kv.store.KvStore#sizeInUseBytes()}, identical on every member) exceeds the
 *       quota, instead of by a member's file size, which would make members diverge; and it clears
 *       itself once the size is back under the quota. A Txn is rejected if a put appears anywhere in
 *       it, nested txns included (etcd only looks at the top level).
 *   <li>HashKV when nothing would be kept at the hashed revision: see {@code History#hash}.
 *   <li>Sorting ties in Range keep key order (etcd's sort is unstable; it agrees for small results).
 *   <li>A Txn op that etcd would panic on (e.g. ignore_value on a key an earlier op of the same txn
 *       deleted; the API layer rejects such txns) uses an empty value or no lease instead.
 * </ul>
 */
package io.cairn.kv.store;
