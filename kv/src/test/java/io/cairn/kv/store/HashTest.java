package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kv.store.backend.MemBackend;
import io.etcd.jetcd.api.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class HashTest extends StoreTestBase {
  HashTest(BackendKind kind) {
    super(kind);
  }

  private KvStore.HashResult hash(KvStore s, long rev) {
    try {
      return s.hashKv(rev);
    } catch (EtcdException e) {
      throw new AssertionError(e.error());
    }
  }

  private static KeyValue kv(String k, String v, long create, long mod, long version) {
    return KeyValue.newBuilder()
        .setKey(Req.bs(k))
        .setValue(Req.bs(v))
        .setCreateRevision(create)
        .setModRevision(mod)
        .setVersion(version)
        .build();
  }

  @Test
  void hashIsCrc32cOfTheBucketNameAndTheRevisionsInKeyOrder() {
    put("a", "1"); // 2
    put("b", "2"); // 3
    delete(Req.del("a")); // 4
    CRC32C crc = new CRC32C();
    crc.update("key".getBytes(StandardCharsets.US_ASCII));
    crc.update(new Revision(2, 0).toBytes());
    crc.update(kv("a", "1", 2, 2, 1).toByteArray());
    crc.update(new Revision(3, 0).toBytes());
    crc.update(kv("b", "2", 3, 3, 1).toByteArray());
    KvStore.HashResult at3 = hash(store(), 3);
    assertThat(at3.hash()).isEqualTo((int) crc.getValue());
    assertThat(at3.revision()).isEqualTo(4);
    assertThat(at3.compactRevision()).isZero();
    crc.update(new Revision(4, 0).toTombstoneBytes());
    crc.update(KeyValue.newBuilder().setKey(Req.bs("a")).build().toByteArray());
    assertThat(hash(store(), 0).hash()).isEqualTo((int) crc.getValue());
    assertThat(hash(store(), 4).hash()).isEqualTo((int) crc.getValue());
  }

  @Test
  void sameHistorySameHashOtherwiseDifferent() {
    KvStore other = KvStores.over(new MemBackend(), -1);
    try {
      long i = 1;
      for (int n = 0; n < 20; n++) {
        KvCommand c = Req.putCmd("k" + (n % 4), "v" + n);
        put("k" + (n % 4), "v" + n);
        other.apply(i++, c);
      }
      ok(Req.compact(10));
      other.apply(i++, Req.compact(10));
      assertThat(hash(store(), 0)).isEqualTo(hash(other, 0));
      assertThat(hash(store(), 15)).isEqualTo(hash(other, 15));
      other.apply(i++, Req.putCmd("k0", "different"));
      put("k0", "not the same");
      assertThat(hash(store(), 0).hash()).isNotEqualTo(hash(other, 0).hash());
      assertThat(hash(store(), 21)).isEqualTo(hash(other, 21));
    } finally {
      other.close();
    }
  }

  @Test
  void compactedAndFutureRevisionsAreRefused() {
    put("a", "1");
    put("a", "2");
    ok(Req.compact(2));
    assertThatThrownBy(() -> store().hashKv(2))
        .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.COMPACTED));
    assertThatThrownBy(() -> store().hashKv(4))
        .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.FUTURE_REV));
    assertThat(hash(store(), 3).compactRevision()).isEqualTo(2);
  }

  @Test
  void revisionsBelowTheCompactionThatALaterWriteSupersedesAreNotHashed() {
    put("a", "1"); // 2
    put("b", "1"); // 3
    ok(Req.compact(3)); // keeps a@2 and b@3
    put("a", "2"); // 4
    CRC32C crc = new CRC32C();
    crc.update("key".getBytes(StandardCharsets.US_ASCII));
    crc.update(new Revision(3, 0).toBytes()); // b@3 is still the latest b; a@2 is superseded at 4
    crc.update(kv("b", "1", 3, 3, 1).toByteArray());
    crc.update(new Revision(4, 0).toBytes());
    crc.update(kv("a", "2", 2, 4, 2).toByteArray());
    assertThat(hash(store(), 4).hash()).isEqualTo((int) crc.getValue());
  }
}
