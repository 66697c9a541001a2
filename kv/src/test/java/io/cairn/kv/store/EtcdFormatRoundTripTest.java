package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.cairn.kv.snapshot.bbolt.EtcdSnapshot;
import io.cairn.kv.snapshot.bbolt.EtcdSnapshotWriter;
import io.cairn.kv.store.backend.MemBackend;
import io.etcd.jetcd.api.Permission;
import io.etcd.jetcd.api.RangeRequest;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store written as an etcd 3.4 database ({@link EtcdSnapshotWriter}, what {@code etcdctl snapshot
 * save} gets from cairn) and imported again ({@link EtcdSnapshot}, what {@code cairn kv snapshot
 * restore} does) answers as the original: history at every kept revision, compaction, HashKV,
 * leases with their checkpointed TTLs, alarms, watch events, and auth. The token secret does not
 * leave the store; the first Enable after the import (proposed by the first authentication) sets one.
 */
@ParameterizedClass
@EnumSource(BackendKind.class)
class EtcdFormatRoundTripTest extends StoreTestBase {
  private static final ByteString SECRET = ByteString.copyFromUtf8("0123456789abcdef0123456789abcdef");

  EtcdFormatRoundTripTest(BackendKind kind) {
    super(kind);
  }

  private void authHistory() {
    ok(AuthTest.userAdd("root"));
    ok(AuthTest.grantRole("root", "root"));
    ok(AuthTest.roleAdd("reader"));
    ok(AuthTest.grantPerm("reader", Permission.Type.READ, "k", "l"));
    ok(AuthTest.userAdd("alice"));
    ok(AuthTest.grantRole("alice", "reader"));
    ok(new AuthCommand.Enable(SECRET));
  }

  @Test
  void aStoreWrittenInEtcdsFormatImportsAsTheOriginal() throws Exception {
    mixedHistory();
    authHistory();
    KvStore original = store();
    Path db = tmp.resolve("snap.db");
    long length = EtcdSnapshotWriter.write(backend(), db);
    Path snapshot = tmp.resolve("snapshot");
    try (OutputStream out = Files.newOutputStream(snapshot)) {
      EtcdSnapshotWriter.send(db, length, out);
    }
    assertThat(Files.size(snapshot)).isEqualTo(length + EtcdSnapshotWriter.SHA256_BYTES);
    assertThat(indexOf(Files.readAllBytes(snapshot), SECRET.toByteArray())).as("the token secret is not exported")
        .isNegative();

    StoreImport target = StoreImport.into(new MemBackend());
    EtcdSnapshot.Summary summary = EtcdSnapshot.importInto(snapshot, false, target);
    assertThat(summary.users()).isEqualTo(2);
    assertThat(summary.roles()).isEqualTo(1);
    assertThat(summary.authEnabled()).isTrue();
    try (KvStore copy = target.finish(-1)) {
      assertThat(copy.revision()).isEqualTo(original.revision());
      assertThat(copy.compactRevision()).isEqualTo(original.compactRevision()).isPositive();
      for (long rev = original.compactRevision(); rev <= original.revision(); rev++) {
        RangeRequest all = Req.all().toBuilder().setRevision(rev).build();
        assertThat(copy.range(all)).as("range at %d", rev).isEqualTo(original.range(all));
      }
      assertThat(copy.hashKv(0)).isEqualTo(original.hashKv(0));
      assertThat(copy.leases()).isEqualTo(original.leases());
      assertThat(copy.lease(100).orElseThrow().remainingTtlSeconds()).isEqualTo(42);
      assertThat(copy.alarms()).isEqualTo(original.alarms());
      assertThat(copy.events(original.compactRevision(), Req.ZERO, Req.ZERO, true, 1000))
          .isEqualTo(original.events(original.compactRevision(), Req.ZERO, Req.ZERO, true, 1000));
      AuthState was = original.auth();
      AuthState is = copy.auth();
      assertThat(is.enabled()).isTrue();
      assertThat(is.revision()).isEqualTo(was.revision());
      assertThat(is.users()).isEqualTo(was.users());
      assertThat(is.roles()).isEqualTo(was.roles());
      assertThat(is.tokenSecret()).as("no secret until the first authentication proposes one").isEmpty();
      ByteString fresh = ByteString.copyFromUtf8("a new secret for the restored one");
      copy.apply(copy.appliedIndex() + 1, new AuthCommand.Enable(fresh));
      assertThat(copy.auth().tokenSecret()).isEqualTo(fresh);
      assertThat(copy.auth().revision()).isEqualTo(was.revision());
      copy.apply(copy.appliedIndex() + 1, new AuthCommand.Enable(SECRET));
      assertThat(copy.auth().tokenSecret()).as("a later enable of an enabled store changes nothing").isEqualTo(fresh);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
