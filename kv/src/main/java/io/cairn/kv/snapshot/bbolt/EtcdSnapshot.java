package io.cairn.kv.snapshot.bbolt;

import io.cairn.kv.store.StoreImport;
import io.etcd.jetcd.api.AlarmMember;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads an etcd 3.4 snapshot (a bbolt database from {@code etcdctl snapshot save}, against etcd or
 * cairn) into a {@link StoreImport}: the {@code key} bucket's revisions, the compaction marks of the
 * {@code meta} bucket, the {@code lease} and {@code alarm} buckets, and auth ({@code auth}'s flags,
 * {@code authUsers}, {@code authRoles}). Membership ({@code members}, {@code members_removed}, {@code
 * cluster}) is not imported; see the package documentation.
 */
public final class EtcdSnapshot {
  /** What an import read. */
  public record Summary(
      long revisions, long leases, long alarms, long compactRevision, long users, long roles, boolean authEnabled) {}

  private static final byte[] KEY = ascii("key");
  private static final byte[] META = ascii("meta");
  private static final byte[] LEASE = ascii("lease");
  private static final byte[] ALARM = ascii("alarm");
  private static final byte[] AUTH = ascii("auth");
  private static final byte[] SCHEDULED_COMPACT = ascii("scheduledCompactRev");
  private static final byte[] FINISHED_COMPACT = ascii("finishedCompactRev");
  private static final byte[] AUTH_USERS = ascii("authUsers");
  private static final byte[] AUTH_ROLES = ascii("authRoles");
  private static final byte[] AUTH_ENABLED = ascii("authEnabled");
  private static final byte[] AUTH_REVISION = ascii("authRevision");

  private EtcdSnapshot() {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Whether {@code file} starts like a bbolt database: bbolt's magic and version in meta page 0, or
   * in meta page 1 at a page size it names (so a damaged page 0 is still recognised).
   */
  public static boolean isBbolt(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      for (long at = 0; at <= MetaPage.MAX_PAGE_SIZE; at = at == 0 ? MetaPage.MIN_PAGE_SIZE : at << 1) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && ch.read(b, at + Page.HEADER_BYTES + b.position()) > 0) {
          // read until full or end of file
        }
        if (b.hasRemaining()) {
          return false;
        }
        if (Integer.toUnsignedLong(b.getInt(0)) == MetaPage.MAGIC && b.getInt(4) == MetaPage.VERSION
            && (at == 0 || b.getInt(8) == at)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Checks the snapshot's SHA-256 trailer (unless {@code skipHashCheck}, as etcdctl's {@code
   * --skip-hash-check}) and imports its keyspace, leases, alarms and auth into {@code target}.
   *
   * @throws IOException one line saying what is wrong with a damaged or foreign file
   */
  public static Summary importInto(Path file, boolean skipHashCheck, StoreImport target) throws IOException {
    long length = HashTrailer.check(file, skipHashCheck);
    try (BoltFile bolt = BoltFile.open(file, length)) {
      return read(bolt, target);
    }
  }

  private static Summary read(BoltFile bolt, StoreImport target) throws IOException {
    BucketReader reader = new BucketReader(bolt);
    BoltBucket root = reader.root();
    BoltBucket keys = reader.child(root, KEY).orElseThrow(() -> new IOException(
        bolt.name() + " is a bbolt database but not an etcd snapshot: it has no 'key' bucket"));
    long[] counts = new long[3];
    reader.forEach(keys, e -> {
      plain(bolt, keys, e);
      named(bolt, () -> target.revision(e.key(), e.value()));
      counts[0]++;
      return true;
    });
    long[] compact = new long[2];
    Optional<BoltBucket> meta = reader.child(root, META);
    if (meta.isPresent()) {
      reader.forEach(meta.get(), e -> {
        if (Arrays.equals(e.key(), SCHEDULED_COMPACT)) {
          compact[0] = revisionMain(bolt, "scheduledCompactRev", e.value());
        } else if (Arrays.equals(e.key(), FINISHED_COMPACT)) {
          compact[1] = revisionMain(bolt, "finishedCompactRev", e.value());
        }
        return true;
      });
    }
    named(bolt, () -> target.compacted(compact[0], compact[1]));
    for (BoltBucket leases : reader.child(root, LEASE).stream().toList()) {
      reader.forEach(leases, e -> {
        plain(bolt, leases, e);
        EtcdLease l = decoded(bolt, "lease bucket value", () -> EtcdLease.decode(e.value()));
        if (e.key().length != 8 || ByteBuffer.wrap(e.key()).getLong() != l.id()) {
          throw new IOException(bolt.name() + ": lease bucket key " + BoltBucket.describe(e.key())
              + " is not the 8-byte ID of its lease " + Long.toHexString(l.id()));
        }
        named(bolt, () -> target.lease(l.id(), l.ttl(), l.remainingTtl()));
        counts[1]++;
        return true;
      });
    }
    for (BoltBucket alarms : reader.child(root, ALARM).stream().toList()) {
      reader.forEach(alarms, e -> {
        plain(bolt, alarms, e);
        AlarmMember m = decoded(bolt, "alarm bucket key", () -> AlarmMember.parseFrom(e.key()));
        named(bolt, () -> target.alarm(m.getMemberID(), m.getAlarmValue()));
        counts[2]++;
        return true;
      });
    }
    Boolean[] enabled = {null};
    long[] authRevision = {0};
    for (BoltBucket a : reader.child(root, AUTH).stream().toList()) {
      reader.forEach(a, e -> {
        plain(bolt, a, e);
        if (Arrays.equals(e.key(), AUTH_ENABLED)) {
          if (e.value().length != 1 || (e.value()[0] != 0 && e.value()[0] != 1)) {
            throw new IOException(bolt.name() + ": auth bucket's authEnabled is " + e.value().length
                + " bytes, expected one byte 0 or 1");
          }
          enabled[0] = e.value()[0] == 1;
        } else if (Arrays.equals(e.key(), AUTH_REVISION)) {
          if (e.value().length != 8) {
            throw new IOException(bolt.name() + ": auth bucket's authRevision has " + e.value().length
                + " bytes, expected 8");
          }
          authRevision[0] = ByteBuffer.wrap(e.value()).getLong();
        }
        return true;
      });
    }
    named(bolt, () -> target.authFlags(enabled[0], authRevision[0]));
    long[] auth = {
      importRecords(bolt, reader, root, AUTH_USERS, e -> target.user(e.key(), e.value())),
      importRecords(bolt, reader, root, AUTH_ROLES, e -> target.role(e.key(), e.value()))
    };
    return new Summary(counts[0], counts[1], counts[2], Math.max(compact[0], compact[1]), auth[0], auth[1],
        Boolean.TRUE.equals(enabled[0]));
  }

  private interface Record {
    void take(Page.LeafElement e) throws IOException;
  }

  /** Hands every plain record of top-level bucket {@code name} (if there is one) to {@code record}; returns how many. */
  private static long importRecords(BoltFile bolt, BucketReader reader, BoltBucket root, byte[] name, Record record)
      throws IOException {
    long[] n = {0};
    for (BoltBucket b : reader.child(root, name).stream().toList()) {
      reader.forEach(b, e -> {
        plain(bolt, b, e);
        named(bolt, () -> record.take(e));
        n[0]++;
        return true;
      });
    }
    return n[0];
  }

  private static void plain(BoltFile bolt, BoltBucket in, Page.LeafElement e) throws IOException {
    if (e.bucket()) {
      throw new IOException(bolt.name() + ": " + in.name() + " holds a nested " + BoltBucket.describe(e.key())
          + " bucket, which etcd never writes there");
    }
  }

  private static long revisionMain(BoltFile bolt, String what, byte[] v) throws IOException {
    if (v.length != 17 || v[8] != '_') {
      throw new IOException(bolt.name() + ": meta bucket's " + what + " has " + v.length
          + " bytes, expected a 17-byte revision");
    }
    long main = ByteBuffer.wrap(v).getLong();
    if (main < 0) {
      throw new IOException(bolt.name() + ": meta bucket's " + what + " is negative (" + main + ")");
    }
    return main;
  }

  private interface Step {
    void run() throws IOException;
  }

  private interface Decoder<T> {
    T decode() throws IOException;
  }

  private static <T> T decoded(BoltFile bolt, String what, Decoder<T> decoder) throws IOException {
    try {
      return decoder.decode();
    } catch (IOException e) {
      throw new IOException(bolt.name() + ": a " + what + " is not valid protobuf: " + e.getMessage(), e);
    }
  }

  /** Runs an import step, naming the file in its error. */
  private static void named(BoltFile bolt, Step step) throws IOException {
    try {
      step.run();
    } catch (IOException e) {
      throw new IOException(bolt.name() + ": " + e.getMessage(), e);
    }
  }
}
