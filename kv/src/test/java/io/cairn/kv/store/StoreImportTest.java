package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.MemBackend;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link StoreImport}: a store rebuilt from another store's records answers exactly as the original
 * (history, compaction, leases, alarms, HashKV), and bad records are refused with a message.
 */
@ParameterizedClass
@EnumSource(BackendKind.class)
class StoreImportTest extends StoreTestBase {
  StoreImportTest(BackendKind kind) {
    super(kind);
  }

  /** Copies the source's buckets record by record, as an import from an etcd snapshot does. */
  private static KvStore copy(Backend source, long compactRevision) throws IOException {
    StoreImport target = StoreImport.into(new MemBackend());
    List<byte[][]> records = new ArrayList<>();
    source.scan(Bucket.KEY, null, null, (k, v) -> records.add(new byte[][] {k, v}));
    for (byte[][] r : records) {
      target.revision(r[0], r[1]);
    }
    List<long[]> leases = new ArrayList<>();
    source.scan(Bucket.LEASE, null, null, (k, v) -> leases.add(Leases.decode(v)));
    for (long[] l : leases) {
      target.lease(l[0], l[1], l[2]);
    }
    List<AlarmMember> alarms = new ArrayList<>();
    source.scan(Bucket.ALARM, null, null, (k, v) -> alarms.add(parse(k)));
    for (AlarmMember a : alarms) {
      target.alarm(a.getMemberID(), a.getAlarmValue());
    }
    target.compacted(compactRevision, compactRevision);
    return target.finish(-1);
  }

  private static AlarmMember parse(byte[] k) {
    try {
      return AlarmMember.parseFrom(k);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anImportedStoreAnswersAsTheOriginal() throws Exception {
    mixedHistory();
    KvStore original = store();
    try (KvStore copy = copy(backend(), original.compactRevision())) {
      assertThat(copy.revision()).isEqualTo(original.revision());
      assertThat(copy.compactRevision()).isEqualTo(original.compactRevision()).isPositive();
      for (long rev = original.compactRevision(); rev <= original.revision(); rev++) {
        RangeRequest all = Req.all().toBuilder().setRevision(rev).build();
        assertThat(copy.range(all)).as("range at %d", rev).isEqualTo(original.range(all));
      }
      assertThat(copy.hashKv(0)).isEqualTo(original.hashKv(0));
      assertThat(copy.leases()).isEqualTo(original.leases());
      assertThat(copy.alarms()).isEqualTo(original.alarms());
      assertThat(copy.events(original.compactRevision(), Req.ZERO, Req.ZERO, true, 1000))
          .isEqualTo(original.events(original.compactRevision(), Req.ZERO, Req.ZERO, true, 1000));
      assertThat(copy.sizeInUseBytes()).isEqualTo(original.sizeInUseBytes() - Meta.CONSISTENT_INDEX.length - 8
          - Meta.CURRENT_REVISION.length - 8); // the copy has applied nothing yet
    }
  }

  private static byte[] kv(String key, long create, long mod, long version) {
    return KeyValue.newBuilder().setKey(ByteString.copyFromUtf8(key)).setCreateRevision(create).setModRevision(mod)
        .setVersion(version).build().toByteArray();
  }

  @Test
  void badRecordsAreRefusedWithAMessage() throws Exception {
    try (StoreImport in = StoreImport.into(new MemBackend())) {
      assertThatThrownBy(() -> in.revision(new byte[16], kv("a", 2, 2, 1)))
          .hasMessageContaining("a key of 16 bytes is not a revision");
      assertThatThrownBy(() -> in.revision(new Revision(2, 0).toBytes(), kv("a", 2, 3, 1)))
          .hasMessageContaining("expected mod_revision 2");
      assertThatThrownBy(() -> in.revision(new Revision(2, 0).toBytes(), new byte[] {(byte) 0xff}))
          .hasMessageContaining("is not an mvccpb.KeyValue");
      in.revision(new Revision(3, 0).toBytes(), kv("a", 3, 3, 1));
      assertThatThrownBy(() -> in.revision(new Revision(2, 0).toBytes(), kv("a", 2, 2, 1)))
          .hasMessage("key bucket: revision 2_0 follows 3_0 (expected ascending revisions)");
      assertThatThrownBy(() -> in.revision(new Revision(3, 0).toTombstoneBytes(), kv("a", 0, 0, 0)))
          .hasMessageContaining("follows 3_0");
      assertThatThrownBy(() -> in.lease(7, 0, 0)).hasMessageContaining("expected a non-zero ID, 1 <= TTL");
      assertThatThrownBy(() -> in.alarm(1, 0)).hasMessageContaining("type 0 is unknown");
      in.revision(new Revision(4, 0).toTombstoneBytes(), KeyValue.newBuilder().setKey(ByteString.copyFromUtf8("a"))
          .build().toByteArray());
      try (KvStore store = in.finish(-1)) {
        assertThat(store.revision()).isEqualTo(4);
        assertThat(store.range(Req.get("a")).getKvsList()).isEmpty();
        assertThat(store.range(Req.get("a").toBuilder().setRevision(3).build()).getKvsList()).hasSize(1);
      }
    }
  }

  @Test
  void onlyAnEmptyBackendIsAccepted() {
    MemBackend used = new MemBackend();
    used.commit(new WriteBatch().put(Bucket.KEY, new Revision(2, 0).toBytes(), kv("a", 2, 2, 1)));
    assertThatThrownBy(() -> StoreImport.into(used)).hasMessageContaining("already holds data (bucket key)");
  }
}
