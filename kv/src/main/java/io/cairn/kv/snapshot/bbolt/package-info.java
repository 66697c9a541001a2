/**
 * etcd 3.4 snapshots: a small, bounded reader of bbolt database files and the mapping of etcd's
 * buckets onto a new cairn store ({@link io.cairn.kv.snapshot.bbolt.EtcdSnapshot}), and a streaming
 * bbolt writer ({@link io.cairn.kv.snapshot.bbolt.BoltDbWriter}) that writes a cairn store in etcd's
 * layout ({@link io.cairn.kv.snapshot.bbolt.EtcdSnapshotWriter}), which is what cairn's {@code
 * Maintenance.Snapshot} sends. cairn's buckets have etcd's names and record formats, so the writer
 * copies records as stored; what it leaves out and adds is in the table below.
 *
 * <h2>The file</h2>
 *
 * {@code etcdctl snapshot save} writes etcd's bbolt database (bbolt's {@code Tx.WriteTo}) followed by
 * the 32-byte SHA-256 of those bytes. A bbolt file is a sequence of pages of one size (the OS page
 * size, usually 4096), little-endian (bbolt writes native order; etcd runs on little-endian machines):
 *
 * <ul>
 *   <li>Page header, 16 bytes: page id (u64), flags (u16: 0x01 branch, 0x02 leaf, 0x04 meta, 0x10
 *       freelist), element count (u16), overflow (u32: how many further pages this page spans).
 *   <li>Pages 0 and 1 are meta pages: magic {@code 0xED0CDAED} (u32), version 2 (u32), page size
 *       (u32), flags (u32), the root bucket (root page u64, sequence u64), freelist page (u64;
 *       all ones when the freelist is not stored, as in a snapshot), high-water page id (u64: pages in
 *       use are below it), transaction id (u64), and the FNV-1a 64 checksum of the 56 bytes before it.
 *       The valid meta with the higher transaction id is used (a snapshot has txid n on page 0 and
 *       n - 1 on page 1, same tree).
 *   <li>Branch page: {@code count} elements of 16 bytes (pos u32, key size u32, child page id u64);
 *       {@code pos} counts from the element's own offset to its key.
 *   <li>Leaf page: elements of 16 bytes (flags u32: 0x01 = the value is a nested bucket; pos u32; key
 *       size u32; value size u32), key and value at {@code pos} from the element.
 *   <li>A bucket value is the bucket header (root page u64, sequence u64); root 0 means an inline
 *       bucket, whose leaf page (header and elements, page id 0) follows the header in the value.
 *       etcd's small buckets ({@code meta}, {@code lease}, {@code alarm}, ...) are usually inline.
 * </ul>
 *
 * <p>Bounds: every offset is checked against the page, every page id against the high-water mark and
 * the file's length, a page with its overflow may span at most 256 MiB, a walk reads each page once
 * (a page reached twice, a cycle or overlapping pages are errors) and a tree may be 64 levels deep.
 * Anything wrong is an {@link java.io.IOException} whose one-line message names the file, the page or
 * bucket and what was expected. The freelist is not read.
 *
 * <p>The writer uses 4096-byte pages, gives every bucket its own pages (no inline buckets), stores no
 * freelist and leaves no page unused, so bbolt's {@code tx.Check} (run by {@code etcdctl snapshot
 * status}) finds nothing to report; see {@link io.cairn.kv.snapshot.bbolt.BoltDbWriter}.
 *
 * <h2>etcd's buckets (mvcc/backend layout of etcd 3.4)</h2>
 *
 * <table>
 *   <caption>What is imported, and what cairn's snapshots contain</caption>
 *   <tr><th>bucket</th><th>content</th><th>import</th><th>cairn's snapshot</th></tr>
 *   <tr><td>{@code key}</td><td>revision (8-byte big-endian main, {@code '_'}, 8-byte sub, {@code 't'}
 *       for a deletion) to {@code mvccpb.KeyValue}</td><td>every revision, tombstones included, byte for
 *       byte (cairn's KEY bucket has the same format), so history, versions, the current revision and
 *       HashKV match etcd's</td><td>as stored</td></tr>
 *   <tr><td>{@code meta}</td><td>{@code consistent_index}, {@code scheduledCompactRev}, {@code
 *       finishedCompactRev}</td><td>the compaction marks; the applied index restarts at 0 for the new
 *       cluster's log</td><td>as stored, with cairn's own {@code
 *       cairn_storage_format} and {@code current_revision}, which etcd ignores</td></tr>
 *   <tr><td>{@code lease}</td><td>8-byte ID to {@code leasepb.Lease} (ID 1, TTL 2, RemainingTTL 3)</td>
 *       <td>every lease with its TTL; keys keep their lease IDs. As in etcd, a lease's countdown starts
 *       again when the new cluster elects its leader</td><td>as stored (the remaining TTL as last
 *       checkpointed)</td></tr>
 *   <tr><td>{@code alarm}</td><td>{@code AlarmMember} protobuf to empty</td><td>as is (old member
 *       IDs; disarm with {@code etcdctl alarm disarm})</td><td>as stored</td></tr>
 *   <tr><td>{@code members}, {@code members_removed}, {@code cluster}</td><td>membership</td><td>no:
 *       the new cluster's membership comes from {@code --initial-cluster}, exactly as with {@code
 *       etcdctl snapshot restore}</td><td>{@code cluster} with {@code clusterVersion} {@code 3.4.0};
 *       {@code members} and {@code members_removed} empty</td></tr>
 *   <tr><td>{@code auth}, {@code authUsers}, {@code authRoles}</td><td>auth</td><td>users and roles as
 *       stored (passwords as bcrypt hashes), {@code authEnabled} and {@code authRevision}; with auth
 *       enabled, no secret for cairn's simple tokens: the first authentication proposes one, so clients
 *       authenticate again</td><td>as stored,
 *       without {@code cairnTokenSecret} (the key that signs the live cluster's tokens)</td></tr>
 * </table>
 */
package io.cairn.kv.snapshot.bbolt;
