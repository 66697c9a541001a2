package io.cairn.kv.store;

import static io.cairn.kv.store.Req.bs;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class PutDeleteTest extends StoreTestBase {
  PutDeleteTest(BackendKind kind) {
    super(kind);
  }

  @Test
  void emptyStoreIsAtRevisionOne() {
    assertThat(store().revision()).isEqualTo(1);
    assertThat(store().appliedIndex()).isZero();
    assertThat(store().compactRevision()).isZero();
    RangeResponse r = range(Req.all());
    assertThat(r.getHeader().getRevision()).isEqualTo(1);
    assertThat(r.getCount()).isZero();
    assertThat(r.getKvsList()).isEmpty();
  }

  @Test
  void threePutsGiveRevisionsTwoThreeFour() {
    assertThat(put("a", "1").getHeader().getRevision()).isEqualTo(2);
    assertThat(put("b", "2").getHeader().getRevision()).isEqualTo(3);
    assertThat(put("c", "3").getHeader().getRevision()).isEqualTo(4);
    assertThat(store().revision()).isEqualTo(4);
    assertThat(store().appliedIndex()).isEqualTo(3);
    assertThat(kv("b"))
        .isEqualTo(
            KeyValue.newBuilder()
                .setKey(bs("b"))
                .setValue(bs("2"))
                .setCreateRevision(3)
                .setModRevision(3)
                .setVersion(1)
                .build());
  }

  @Test
  void overwriteKeepsCreateRevisionAndCountsVersions() {
    put("a", "1");
    put("a", "2");
    put("a", "3");
    KeyValue kv = kv("a");
    assertThat(kv.getValue()).isEqualTo(bs("3"));
    assertThat(kv.getCreateRevision()).isEqualTo(2);
    assertThat(kv.getModRevision()).isEqualTo(4);
    assertThat(kv.getVersion()).isEqualTo(3);
  }

  @Test
  void versionAndCreateRevisionResetAfterDelete() {
    put("a", "1"); // 2
    put("a", "2"); // 3
    assertThat(delete(Req.del("a")).getHeader().getRevision()).isEqualTo(4);
    assertThat(kv("a")).isNull();
    put("a", "3"); // 5
    KeyValue kv = kv("a");
    assertThat(kv.getCreateRevision()).isEqualTo(5);
    assertThat(kv.getVersion()).isEqualTo(1);
  }

  @Test
  void putReturnsPrevKvOnlyWhenAskedAndPresent() {
    PutResponse first = put(Req.put("a", "1").toBuilder().setPrevKv(true).build());
    assertThat(first.hasPrevKv()).isFalse();
    PutResponse second = put(Req.put("a", "2").toBuilder().setPrevKv(true).build());
    assertThat(second.getPrevKv().getValue()).isEqualTo(bs("1"));
    assertThat(second.getPrevKv().getModRevision()).isEqualTo(2);
    assertThat(put("a", "3").hasPrevKv()).isFalse();
  }

  @Test
  void ignoreValueKeepsTheValueAndNeedsTheKey() {
    assertThat(failure(new KvCommand.Put(Req.put("a", "").toBuilder().setIgnoreValue(true).build())))
        .isEqualTo(EtcdError.KEY_NOT_FOUND);
    assertThat(store().revision()).isEqualTo(1);
    put("a", "1");
    PutResponse r = put(Req.put("a", "").toBuilder().setIgnoreValue(true).build());
    assertThat(r.getHeader().getRevision()).isEqualTo(3);
    assertThat(kv("a").getValue()).isEqualTo(bs("1"));
    assertThat(kv("a").getVersion()).isEqualTo(2);
  }

  @Test
  void ignoreLeaseKeepsTheLeaseAndNeedsTheKey() {
    assertThat(failure(new KvCommand.Put(Req.put("a", "x").toBuilder().setIgnoreLease(true).build())))
        .isEqualTo(EtcdError.KEY_NOT_FOUND);
    ok(Req.grant(7, 60));
    put(Req.put("a", "1", 7));
    put(Req.put("a", "2").toBuilder().setIgnoreLease(true).build());
    assertThat(kv("a").getLease()).isEqualTo(7);
    assertThat(kv("a").getValue()).isEqualTo(bs("2"));
    assertThat(store().lease(7).orElseThrow().keys()).containsExactly(bs("a"));
  }

  @Test
  void putWithUnknownLeaseFailsAndChangesNothing() {
    assertThat(failure(new KvCommand.Put(Req.put("a", "1", 99)))).isEqualTo(EtcdError.LEASE_NOT_FOUND);
    assertThat(store().revision()).isEqualTo(1);
    assertThat(store().appliedIndex()).isEqualTo(1);
    assertThat(kv("a")).isNull();
  }

  @Test
  void deletingNothingDoesNotBumpTheRevision() {
    put("a", "1");
    DeleteRangeResponse r = delete(Req.del("b"));
    assertThat(r.getDeleted()).isZero();
    assertThat(r.getHeader().getRevision()).isEqualTo(2);
    assertThat(store().revision()).isEqualTo(2);
  }

  @Test
  void deleteRangeCountsAndReturnsPrevKvs() {
    put("a/1", "1");
    put("a/2", "2");
    put("b", "3");
    DeleteRangeResponse r = delete(Req.del("a/", Req.prefixEnd("a/")).toBuilder().setPrevKv(true).build());
    assertThat(r.getDeleted()).isEqualTo(2);
    assertThat(r.getHeader().getRevision()).isEqualTo(5);
    assertThat(r.getPrevKvsList()).extracting(kv -> kv.getValue().toStringUtf8()).containsExactly("1", "2");
    assertThat(keys(range(Req.all()))).containsExactly("b");
  }

  @Test
  void deleteWithZeroRangeEndDeletesFromKeyToTheEnd() {
    put("a", "1");
    put("b", "2");
    put("c", "3");
    assertThat(delete(Req.del("b", Req.ZERO)).getDeleted()).isEqualTo(2);
    assertThat(keys(range(Req.all()))).containsExactly("a");
  }

  @Test
  void deleteOfZeroToZeroDeletesEverythingInOneRevision() {
    put("a", "1");
    put("\u00ff", "2");
    DeleteRangeResponse r = delete(Req.del("\0", Req.ZERO));
    assertThat(r.getDeleted()).isEqualTo(2);
    assertThat(r.getHeader().getRevision()).isEqualTo(4);
    assertThat(range(Req.all()).getCount()).isZero();
  }

  @Test
  void rangeEndNotAfterKeyDeletesNothing() {
    put("b", "1");
    assertThat(delete(Req.del("b", bs("a"))).getDeleted()).isZero();
    assertThat(delete(Req.del("b", bs("b"))).getDeleted()).isZero();
    assertThat(store().revision()).isEqualTo(2);
  }

  @Test
  void replayedIndexIsANoop() {
    assertThat(store().apply(5, Req.putCmd("a", "1"))).isPresent();
    assertThat(store().apply(5, Req.putCmd("a", "2"))).isEmpty();
    assertThat(store().apply(3, Req.putCmd("a", "3"))).isEmpty();
    assertThat(store().revision()).isEqualTo(2);
    assertThat(kv("a").getValue()).isEqualTo(bs("1"));
    store().applyNoop(4);
    assertThat(store().appliedIndex()).isEqualTo(5);
    store().applyNoop(6);
    assertThat(store().appliedIndex()).isEqualTo(6);
    assertThat(store().revision()).isEqualTo(2);
  }

  @Test
  void keysAreOrderedAsUnsignedBytes() {
    put("\u0001", "low");
    put("\u00ff", "high"); // UTF-8 0xC3 0xBF: above every ASCII byte
    put("z", "mid");
    assertThat(keys(range(Req.all()))).containsExactly("\u0001", "z", "\u00ff");
  }
}
