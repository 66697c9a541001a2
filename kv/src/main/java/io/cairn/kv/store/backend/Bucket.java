package io.cairn.kv.store.backend;

import java.nio.charset.StandardCharsets;

/**
 * The named key spaces of a {@link Backend}, after etcd's bbolt buckets. Each is its own ordered map;
 * in RocksDB each is a column family of the same name. Names are part of the on-disk format.
 */
public enum Bucket {
  /** MVCC history: revision bytes to {@code mvccpb.KeyValue}. */
  KEY("key"),
  /** Store bookkeeping: applied index, current revision, compaction marks. */
  META("meta"),
  /** Leases: 8-byte big-endian ID to {@code leasepb.Lease}. */
  LEASE("lease"),
  /** Raised alarms: {@code AlarmMember} bytes to an empty value. */
  ALARM("alarm"),
  /** Auth flags: {@code authEnabled} (1 byte), {@code authRevision} (8 bytes), the token secret. */
  AUTH("auth"),
  /** Users: name to {@code authpb.User} (password: the bcrypt hash). */
  AUTH_USERS("authUsers"),
  /** Roles: name to {@code authpb.Role}. */
  AUTH_ROLES("authRoles"),
  /**
   * cairn's own: members added whose Raft configuration change has not completed, 8-byte ID to {@code
   * etcdserverpb.Member}. Not in etcd's layout, so not in snapshots.
   */
  PENDING_MEMBERS("cairnPendingMembers");

  private final String bucketName;

  Bucket(String bucketName) {
    this.bucketName = bucketName;
  }

  /** The on-disk name (etcd's bucket name; the RocksDB column family name). */
  public String bucketName() {
    return bucketName;
  }

  public byte[] nameBytes() {
    return bucketName.getBytes(StandardCharsets.US_ASCII);
  }
}
