package io.cairn.kv.snapshot.bbolt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.cairn.kv.snapshot.bbolt.BoltWriter.Elem;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.StoreImport;
import io.cairn.kv.store.backend.MemBackend;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The etcd layer on files laid out as etcd lays them out, for what the golden snapshot lacks: an
 * alarm, auth enabled, a lease with a checkpointed remaining TTL, and a compaction that was
 * scheduled but not finished (the import finishes it, as etcd does at start).
 */
class BboltEtcdLayoutTest {
  @TempDir Path tmp;

  private static byte[] rev(long main, boolean tombstone) {
    ByteBuffer b = ByteBuffer.allocate(tombstone ? 18 : 17).putLong(main).put((byte) '_').putLong(0);
    if (tombstone) {
      b.put((byte) 't');
    }
    return b.array();
  }

  private static Elem put(long main, String key, String value, long create, long version) {
    return new Elem(rev(main, false), KeyValue.newBuilder().setKey(ByteString.copyFromUtf8(key))
        .setValue(ByteString.copyFromUtf8(value)).setCreateRevision(create).setModRevision(main).setVersion(version)
        .build().toByteArray(), false);
  }

  /** {@code leasepb.Lease} as etcd's gogoproto writes it (zero fields left out). */
  private static byte[] lease(long id, long ttl, long remaining) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      long[] fields = {id, ttl, remaining};
      for (int i = 0; i < 3; i++) {
        if (fields[i] != 0) {
          cos.writeInt64(i + 1, fields[i]);
        }
      }
      cos.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private byte[] file(List<Elem> leases, boolean withKeys) {
    BoltWriter w = new BoltWriter(4096);
    List<Elem> root = new ArrayList<>();
    byte[] alarm = AlarmMember.newBuilder().setMemberID(0xabc).setAlarmValue(1).build().toByteArray();
    root.add(Elem.bucket("alarm", BoltWriter.inline(List.of(new Elem(alarm, new byte[0], false)))));
    root.add(Elem.bucket("auth", BoltWriter.inline(List.of(Elem.kv("authEnabled", new byte[] {1})))));
    if (withKeys) {
      int keys = w.leaf(List.of(put(2, "a", "1", 2, 1), put(3, "a", "2", 2, 2), put(4, "b", "1", 4, 1),
          new Elem(rev(5, true), KeyValue.newBuilder().setKey(ByteString.copyFromUtf8("a")).build().toByteArray(), false)));
      root.add(Elem.bucket("key", BoltWriter.bucket(keys)));
    }
    root.add(Elem.bucket("lease", BoltWriter.inline(leases)));
    root.add(Elem.bucket("members", BoltWriter.inline(List.of(Elem.kv("1234", "{\"id\":1}")))));
    root.add(Elem.bucket("meta", BoltWriter.inline(List.of(Elem.kv("consistent_index", new byte[8]),
        Elem.kv("finishedCompactRev", rev(2, false)), Elem.kv("scheduledCompactRev", rev(3, false))))));
    return w.build(w.leaf(root), 10);
  }

  private static Elem leaseElem(long key, long id, long ttl, long remaining) {
    return new Elem(ByteBuffer.allocate(8).putLong(key).array(), lease(id, ttl, remaining), false);
  }

  @Test
  void importsAlarmsLeasesAndFinishesAScheduledCompaction() throws IOException, EtcdException {
    Path p = Files.write(tmp.resolve("etcd.db"), file(List.of(leaseElem(16, 16, 30, 12)), true));
    StoreImport target = StoreImport.into(new MemBackend());
    EtcdSnapshot.Summary summary = EtcdSnapshot.importInto(p, true, target);
    assertThat(summary).isEqualTo(new EtcdSnapshot.Summary(4, 1, 1, 3, 0, 0, true));
    try (KvStore store = target.finish(0)) {
      assertThat(store.revision()).isEqualTo(5);
      assertThat(store.compactRevision()).isEqualTo(3);
      assertThat(store.alarms()).extracting(AlarmMember::getMemberID, AlarmMember::getAlarmValue)
          .containsExactly(tuple(0xabcL, 1));
      KvStore.LeaseInfo l = store.lease(16).orElseThrow();
      assertThat(List.of(l.grantedTtlSeconds(), l.remainingTtlSeconds())).containsExactly(30L, 12L);
      RangeRequest a = RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("a")).build();
      assertThat(store.range(a).getKvsList()).isEmpty();
      assertThat(store.range(a.toBuilder().setRevision(3).build()).getKvs(0).getVersion()).isEqualTo(2);
      assertThatThrownBy(() -> store.range(a.toBuilder().setRevision(2).build()))
          .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.COMPACTED));
    }
  }

  @Test
  void refusesWhatEtcdNeverWrites() throws IOException {
    Path noKeys = Files.write(tmp.resolve("nokeys.db"), file(List.of(), false));
    assertThatThrownBy(() -> EtcdSnapshot.importInto(noKeys, true, StoreImport.into(new MemBackend())))
        .hasMessage(noKeys + " is a bbolt database but not an etcd snapshot: it has no 'key' bucket");
    Path wrongLease = Files.write(tmp.resolve("lease.db"), file(List.of(leaseElem(17, 16, 30, 0)), true));
    assertThatThrownBy(() -> EtcdSnapshot.importInto(wrongLease, true, StoreImport.into(new MemBackend())))
        .hasMessageContaining("lease bucket key 0x0000000000000011 is not the 8-byte ID of its lease 10");
    Path zeroTtl = Files.write(tmp.resolve("ttl.db"), file(List.of(leaseElem(16, 16, 0, 0)), true));
    assertThatThrownBy(() -> EtcdSnapshot.importInto(zeroTtl, true, StoreImport.into(new MemBackend())))
        .hasMessageStartingWith(zeroTtl + ": lease 10: ").hasMessageContaining("out of range");
  }
}
