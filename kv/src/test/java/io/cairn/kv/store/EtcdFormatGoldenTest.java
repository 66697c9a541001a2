package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.cairn.kv.snapshot.bbolt.EtcdSnapshotWriter;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.MemBackend;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.Permission;
import io.etcd.jetcd.api.Role;
import io.etcd.jetcd.api.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freezes the bytes of the etcd-format snapshot ({@link EtcdSnapshotWriter}) of a fixed store: a
 * change to the page layout, the bucket set or the records shows up here before it reaches a user's
 * backup. The file itself is checked by the real etcdctl in {@code KvSnapshotEtcdExportIT}.
 */
class EtcdFormatGoldenTest {
  private static final String GOLDEN = "etcd-format-v1.txt";

  @TempDir Path tmp;

  private static MemBackend fixedStore() {
    MemBackend b = new MemBackend();
    WriteBatch batch = new WriteBatch();
    for (int rev = 2; rev <= 400; rev++) {
      String key = "key-" + (rev % 37);
      KeyValue kv = KeyValue.newBuilder().setKey(ByteString.copyFromUtf8(key)).setCreateRevision(2 + rev % 37)
          .setModRevision(rev).setVersion(1 + rev / 37).setValue(ByteString.copyFromUtf8("value " + rev)).build();
      batch.put(Bucket.KEY, Revision.first(rev).toBytes(), kv.toByteArray());
    }
    batch.put(Bucket.META, Meta.STORAGE_FORMAT, Meta.longBytes(Meta.FORMAT_VERSION));
    batch.put(Bucket.META, Meta.CONSISTENT_INDEX, Meta.longBytes(450));
    batch.put(Bucket.META, Meta.CURRENT_REVISION, Meta.longBytes(400));
    batch.put(Bucket.LEASE, Leases.idKey(0x1234), Leases.encode(0x1234, 60, 30));
    batch.put(Bucket.ALARM, Alarms.member(7, Alarms.NOSPACE).toByteArray(), new byte[0]);
    AuthBuckets.putEnabled(batch, true, ByteString.copyFromUtf8("not exported"));
    AuthBuckets.putRevision(batch, 5);
    AuthBuckets.putUser(batch, "root", User.newBuilder().setName(ByteString.copyFromUtf8("root"))
        .setPassword(ByteString.copyFromUtf8("$2a$10$hash")).addRoles("root").build());
    AuthBuckets.putRole(batch, "r", Role.newBuilder().setName(ByteString.copyFromUtf8("r"))
        .addKeyPermission(Permission.newBuilder().setPermType(Permission.Type.READ).setKey(ByteString.copyFromUtf8("a")))
        .build());
    b.commit(batch);
    return b;
  }

  @Test
  void theSnapshotOfAFixedStoreHasFrozenBytes() throws Exception {
    Path file = tmp.resolve("snap.db");
    long length;
    try (MemBackend b = fixedStore()) {
      length = EtcdSnapshotWriter.write(b, file);
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).hasSize((int) length);
    List<String> actual = List.of("length " + length,
        "sha256 " + GoldenFiles.HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    GoldenFiles.updateIfAsked(GOLDEN, "The etcd-format snapshot of EtcdFormatGoldenTest's fixed store: its length and SHA-256.", actual);
    assertThat(actual).isEqualTo(GoldenFiles.read(GOLDEN));
  }
}
