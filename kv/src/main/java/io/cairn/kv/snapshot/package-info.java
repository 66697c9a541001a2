/**
 * Snapshot files: cairn's own format, written by {@code Maintenance.Snapshot} / {@code etcdctl
 * snapshot save} against cairn, and read by {@code cairn kv snapshot restore}, which also reads a real
 * etcd 3.4 snapshot (package {@link io.cairn.kv.snapshot.bbolt}). The restore tells the two apart by
 * content: an etcd snapshot is a bbolt database (magic {@code 0xED0CDAED} in its meta pages).
 *
 * <p>cairn's snapshot is a POSIX ustar archive of a store checkpoint (the files {@code
 * KvStore.checkpoint} writes, at the archive's top level), followed by the 32-byte SHA-256 of
 * everything before it. The archive is a whole number of 512-byte blocks, so the file's length is 32
 * more than a multiple of 512: exactly the check {@code etcdctl snapshot save} makes before it accepts
 * a download. The contents are cairn's store, not etcd's bbolt database, so {@code etcdctl snapshot
 * status/restore} cannot read them; restore with {@code cairn kv snapshot restore}.
 */
package io.cairn.kv.snapshot;
