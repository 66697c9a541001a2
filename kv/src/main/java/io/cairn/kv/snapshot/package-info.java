/**
 * Snapshot files. {@code Maintenance.Snapshot} ({@code etcdctl snapshot save} against cairn) streams
 * the store as an etcd 3.4 database, a bbolt file with etcd's buckets, followed by its SHA-256, as
 * etcd does (package {@link io.cairn.kv.snapshot.bbolt}): {@code etcdctl snapshot status} and {@code
 * etcdctl snapshot restore} read it (so a real etcd can be restored from cairn), and so does {@code
 * cairn kv snapshot restore}, which reads a real etcd's snapshot the same way.
 *
 * <p>{@link io.cairn.kv.snapshot.SnapshotArchive} is cairn's earlier snapshot format, still read by
 * {@code cairn kv snapshot restore} for files saved before: a POSIX ustar archive of a store
 * checkpoint (the files {@code KvStore.checkpoint} writes, at the archive's top level), followed by
 * the 32-byte SHA-256 of everything before it. The restore tells the two apart by content: a bbolt
 * database has the magic {@code 0xED0CDAED} in its meta pages.
 */
package io.cairn.kv.snapshot;
