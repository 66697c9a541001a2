package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.Role;
import io.etcd.jetcd.api.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds a new store from the records of another etcd 3.4 keyspace, such as the buckets of an etcd
 * snapshot: every stored revision (tombstones included) with its {@code mvccpb.KeyValue} exactly as
 * etcd stored it, the compaction marks, the leases, the alarms, and auth (users, roles, the enabled
 * flag and the auth revision). The store then rebuilds its key
 * index, lease attachments and counters from them at open, as for any store, so history, the current
 * revision, versions and compaction behave as they did in etcd.
 *
 * <h2>Contract</h2>
 *
 * Start from an empty backend ({@link #into}); call {@link #revision} in strictly ascending revision
 * order (etcd's {@code key} bucket order); {@link #lease}, {@link #alarm}, {@link #user}, {@link
 * #role}, {@link #authFlags} and {@link #compacted} in any order; then {@link #finish} once, which hands the backend to the returned store. Each method
 * checks its input and throws {@link IOException} saying what is wrong with it; {@link #close()}
 * without {@link #finish} closes the backend, keeping what was written (the caller deletes it).
 * Writes go out in batches of bounded size. Not thread-safe.
 */
public final class StoreImport implements AutoCloseable {
  private static final int BATCH_OPS = 1000;
  private static final long BATCH_BYTES = 8L << 20;

  private final Backend backend;
  private WriteBatch batch = new WriteBatch();
  private long batchBytes;
  private Revision last;
  private long maxMain = 1;
  private long scheduledCompact;
  private long finishedCompact;
  private boolean handedOver;

  private StoreImport(Backend backend) {
    this.backend = backend;
  }

  /**
   * An import into {@code backend}, which must be empty and which the import owns from this call on.
   *
   * @throws IOException if the backend already holds data (the backend is then closed)
   */
  public static StoreImport into(Backend backend) throws IOException {
    for (Bucket b : Bucket.values()) {
      boolean[] any = {false};
      backend.scan(b, null, null, (k, v) -> !(any[0] = true));
      if (any[0]) {
        backend.close();
        throw new IOException("cannot import into a store that already holds data (bucket " + b.bucketName() + ")");
      }
    }
    return new StoreImport(backend);
  }

  /**
   * One record of etcd's {@code key} bucket.
   *
   * @param revisionKey 8-byte big-endian main revision, {@code '_'}, 8-byte sub-revision, and {@code
   *     't'} for a deletion
   * @param keyValue the {@code mvccpb.KeyValue} protobuf (for a deletion, only its key matters)
   */
  public void revision(byte[] revisionKey, byte[] keyValue) throws IOException {
    if ((revisionKey.length != Revision.BYTES && revisionKey.length != Revision.MARKED_BYTES)
        || revisionKey[8] != '_'
        || (revisionKey.length == Revision.MARKED_BYTES && revisionKey[Revision.BYTES] != Revision.TOMBSTONE_MARK)) {
      throw new IOException("key bucket: a key of " + revisionKey.length
          + " bytes is not a revision (expected 8-byte main, '_', 8-byte sub, optional 't')");
    }
    Revision rev = Revision.fromBytes(revisionKey);
    if (rev.main() < 1 || rev.sub() < 0) {
      throw new IOException("key bucket: revision " + rev + " is out of range (main must be at least 1)");
    }
    if (last != null && !rev.greaterThan(last)) {
      throw new IOException("key bucket: revision " + rev + " follows " + last + " (expected ascending revisions)");
    }
    KeyValue kv;
    try {
      kv = KeyValue.parseFrom(keyValue);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("key bucket: the value at revision " + rev + " is not an mvccpb.KeyValue: " + e.getMessage());
    }
    if (kv.getKey().isEmpty()) {
      throw new IOException("key bucket: the value at revision " + rev + " has an empty key");
    }
    if (!Revision.isTombstone(revisionKey)
        && (kv.getModRevision() != rev.main() || kv.getCreateRevision() < 1
            || kv.getCreateRevision() > rev.main() || kv.getVersion() < 1)) {
      throw new IOException("key bucket: the value at revision " + rev + " says create_revision "
          + kv.getCreateRevision() + ", mod_revision " + kv.getModRevision() + ", version " + kv.getVersion()
          + " (expected mod_revision " + rev.main() + ", 1 <= create_revision <= mod_revision, version >= 1)");
    }
    last = rev;
    maxMain = Math.max(maxMain, rev.main());
    put(Bucket.KEY, revisionKey.clone(), keyValue.clone());
  }

  /** A lease with its granted TTL and last checkpointed remaining TTL (0 = none), in seconds. */
  public void lease(long id, long ttlSeconds, long remainingTtlSeconds) throws IOException {
    if (id == 0 || ttlSeconds < 1 || ttlSeconds > Leases.MAX_TTL_SECONDS || remainingTtlSeconds < 0) {
      throw new IOException("lease " + Long.toHexString(id) + ": ID " + id + ", TTL " + ttlSeconds + "s, remaining "
          + remainingTtlSeconds + "s are out of range (expected a non-zero ID, 1 <= TTL <= "
          + Leases.MAX_TTL_SECONDS + ", remaining >= 0)");
    }
    put(Bucket.LEASE, Leases.idKey(id), Leases.encode(id, ttlSeconds, remainingTtlSeconds));
  }

  /** A raised alarm: etcd's {@code AlarmType} number (1 NOSPACE, 2 CORRUPT) for a member. */
  public void alarm(long memberId, int alarmType) throws IOException {
    if (alarmType != Alarms.NOSPACE && alarmType != Alarms.CORRUPT) {
      throw new IOException("alarm of member " + Long.toHexString(memberId) + ": type " + alarmType
          + " is unknown (expected 1 NOSPACE or 2 CORRUPT)");
    }
    put(Bucket.ALARM, Alarms.member(memberId, alarmType).toByteArray(), new byte[0]);
  }

  /**
   * etcd's auth flags: {@code authEnabled} ({@code enabled}; null when the record is absent, as in an
   * etcd that never had auth enabled or disabled) and {@code authRevision}. A snapshot never carries
   * the secret of cairn's simple tokens, so auth is imported enabled without one: tokens from before
   * the snapshot are not valid in the new cluster, and the first authentication proposes a new secret
   * through Raft, which every member then shares.
   */
  public void authFlags(Boolean enabled, long revision) throws IOException {
    if (revision < 0) {
      throw new IOException("auth revision " + revision + " is negative");
    }
    if (enabled != null) {
      AuthBuckets.putEnabled(batch, enabled, ByteString.EMPTY);
    }
    AuthBuckets.putRevision(batch, revision);
  }

  /** A user: its name and its {@code authpb.User} (the password as its bcrypt hash). */
  public void user(byte[] name, byte[] user) throws IOException {
    authRecord(Bucket.AUTH_USERS, "user", "authpb.User", name, user, v -> User.parseFrom(v).getName());
  }

  /** A role: its name and its {@code authpb.Role}. */
  public void role(byte[] name, byte[] role) throws IOException {
    authRecord(Bucket.AUTH_ROLES, "role", "authpb.Role", name, role, v -> Role.parseFrom(v).getName());
  }

  private interface NameOf {
    ByteString name(byte[] value) throws InvalidProtocolBufferException;
  }

  /** Checks that {@code value} decodes and carries {@code name}, then imports it as is. */
  private void authRecord(Bucket bucket, String kind, String type, byte[] name, byte[] value, NameOf nameOf)
      throws IOException {
    ByteString stored;
    try {
      stored = nameOf.name(value);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(bucket.bucketName() + " bucket: the value of " + kind + " " + printable(name)
          + " is not an " + type + ": " + e.getMessage());
    }
    if (!stored.equals(ByteString.copyFrom(name))) {
      throw new IOException(bucket.bucketName() + " bucket: the record under " + printable(name) + " is " + kind + " "
          + printable(stored.toByteArray()) + " (expected the same name)");
    }
    put(bucket, name.clone(), value.clone());
  }

  private static String printable(byte[] name) {
    return "'" + new String(name, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?") + "'";
  }

  /**
   * etcd's compaction marks: the revision of the last Compact ({@code scheduledCompactRev}) and the
   * last one whose deletions finished ({@code finishedCompactRev}); 0 for none. If the scheduled one
   * is ahead, the store finishes that compaction when it opens, as etcd does.
   */
  public void compacted(long scheduledRevision, long finishedRevision) throws IOException {
    if (scheduledRevision < 0 || finishedRevision < 0) {
      throw new IOException("compaction marks " + scheduledRevision + "/" + finishedRevision + " are negative");
    }
    scheduledCompact = scheduledRevision;
    finishedCompact = finishedRevision;
  }

  private void put(Bucket bucket, byte[] key, byte[] value) {
    batch.put(bucket, key, value);
    batchBytes += key.length + value.length;
    if (batch.size() >= BATCH_OPS || batchBytes >= BATCH_BYTES) {
      flush();
    }
  }

  private void flush() {
    backend.commit(batch);
    batch = new WriteBatch();
    batchBytes = 0;
  }

  /**
   * Writes the bookkeeping and opens the store, which rebuilds its state from what was imported.
   *
   * @param quotaBytes as for {@link KvStores#open(java.nio.file.Path, long)}
   * @throws IOException if the records do not form a consistent keyspace
   */
  public KvStore finish(long quotaBytes) throws IOException {
    batch.put(Bucket.META, Meta.STORAGE_FORMAT, Meta.longBytes(Meta.FORMAT_VERSION));
    long revision = Math.max(maxMain, Math.max(scheduledCompact, finishedCompact));
    batch.put(Bucket.META, Meta.CURRENT_REVISION, Meta.longBytes(revision));
    if (scheduledCompact > 0) {
      batch.put(Bucket.META, Meta.SCHEDULED_COMPACT, Meta.compactBytes(scheduledCompact));
    }
    if (finishedCompact > 0) {
      batch.put(Bucket.META, Meta.FINISHED_COMPACT, Meta.compactBytes(finishedCompact));
    }
    flush();
    handedOver = true;
    try {
      return KvStores.over(backend, quotaBytes);
    } catch (RuntimeException e) {
      backend.close();
      throw new IOException("the imported records do not form a consistent keyspace: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (!handedOver) {
      handedOver = true;
      backend.close();
    }
  }
}
