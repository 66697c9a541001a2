package io.cairn.kv.store;

import static io.cairn.kv.store.Req.bs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.etcd.jetcd.api.CompactionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class CompactionTest extends StoreTestBase {
  private Backend raw;
  private CrashingBackend crashing;
  private KvStore store;
  private long index = 1;

  CompactionTest(BackendKind kind) {
    super(kind);
  }

  /** A store whose backend the test can inspect and crash. */
  private KvStore openRaw() {
    if (raw == null) {
      raw = kind.open(tmp.resolve("raw"));
      crashing = new CrashingBackend(raw);
    }
    store = KvStores.over(crashing, -1);
    index = store.appliedIndex() + 1;
    return store;
  }

  @AfterEach
  void closeRaw() {
    if (store != null) {
      store.close();
    }
    if (raw != null) {
      raw.close();
    }
  }

  private ApplyResult rawApply(KvCommand c) {
    return store.apply(index++, c).orElseThrow();
  }

  @Test
  void compactRejectsOldAndFutureRevisions() {
    assertThat(failure(Req.compact(0))).isEqualTo(EtcdError.COMPACTED);
    assertThat(failure(Req.compact(2))).isEqualTo(EtcdError.FUTURE_REV);
    put("a", "1"); // 2
    put("a", "2"); // 3
    CompactionResponse r = ok(Req.compact(2));
    assertThat(r.getHeader().getRevision()).isEqualTo(3);
    assertThat(store().revision()).isEqualTo(3);
    assertThat(store().compactRevision()).isEqualTo(2);
    assertThat(failure(Req.compact(2))).isEqualTo(EtcdError.COMPACTED);
    assertThat(failure(Req.compact(1))).isEqualTo(EtcdError.COMPACTED);
    assertThat(failure(Req.compact(4))).isEqualTo(EtcdError.FUTURE_REV);
    ok(Req.compact(3));
    assertThat(store().compactRevision()).isEqualTo(3);
  }

  @Test
  void compactionKeepsTheLatestRevisionOfLiveKeysOnly() {
    openRaw();
    rawApply(Req.putCmd("a", "1")); // 2
    rawApply(Req.putCmd("a", "2")); // 3
    rawApply(Req.putCmd("b", "1")); // 4
    rawApply(new KvCommand.DeleteRange(Req.del("b"))); // 5
    rawApply(Req.putCmd("c", "1")); // 6
    rawApply(Req.compact(4));
    assertThat(Backends.keyRevisions(raw)).containsExactly("3_0", "4_0", "5_0t", "6_0");
    rawApply(Req.compact(5));
    assertThat(Backends.keyRevisions(raw)).containsExactly("3_0", "6_0");
    assertThat(raw.get(Bucket.META, Meta.FINISHED_COMPACT)).isEqualTo(Meta.compactBytes(5));
    assertThat(store.sizeInUseBytes()).isEqualTo(Backends.logicalBytes(raw));
  }

  @Test
  void compactingADeletionAtTheHeadForgetsTheKeyButNotTheRevision() throws Exception {
    put("a", "1"); // 2
    delete(Req.del("a")); // 3
    ok(Req.compact(3));
    assertThat(range(Req.all().toBuilder().setRevision(3).build()).getKvsList()).isEmpty();
    assertThat(store().revision()).isEqualTo(3);
    assertThat(store().events(4, bs("a"), com.google.protobuf.ByteString.EMPTY, false, 10)).isEmpty();
    // the tombstone at the compact revision is gone, so a watch from there sees nothing (as etcd)
    assertThat(store().events(3, bs("a"), com.google.protobuf.ByteString.EMPTY, false, 10)).isEmpty();
    assertThatThrownBy(() -> store().events(2, bs("a"), com.google.protobuf.ByteString.EMPTY, false, 10))
        .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.COMPACTED));
    assertThat(put("a", "2").getHeader().getRevision()).isEqualTo(4);
    assertThat(kv("a").getVersion()).isEqualTo(1);
  }

  @Test
  void manyRevisionsAreCompactedInBatches() {
    openRaw();
    int n = Compactor.BATCH * 2 + 17;
    for (int i = 0; i < n; i++) {
      rawApply(Req.putCmd("k" + (i % 3), "v" + i));
    }
    long rev = store.revision();
    rawApply(Req.compact(rev - 1));
    // the latest of each key at rev - 1, plus the put at rev
    assertThat(Backends.keyRevisions(raw)).hasSize(4);
    assertThat(store.sizeInUseBytes()).isEqualTo(Backends.logicalBytes(raw));
  }

  @Test
  void aCompactionInterruptedByACrashFinishesOnReopen() throws Exception {
    openRaw();
    int n = Compactor.BATCH + 10;
    for (int i = 0; i < n; i++) {
      rawApply(Req.putCmd("k" + (i % 2), "v" + i));
    }
    long rev = store.revision();
    crashing.crashAfter(2); // the compact command and the first deletion batch get through
    assertThatThrownBy(() -> rawApply(Req.compact(rev))).hasMessageContaining("simulated crash");
    assertThat(store.revision()).isEqualTo(rev);
    assertThatThrownBy(() -> store.range(Req.all())).isInstanceOf(IllegalStateException.class);
    store.close();
    assertThat(raw.get(Bucket.META, Meta.FINISHED_COMPACT)).isNull();
    assertThat(Backends.keyRevisions(raw).size()).isGreaterThan(2);

    crashing.crashAfter(-1);
    openRaw();
    assertThat(store.compactRevision()).isEqualTo(rev);
    assertThat(store.appliedIndex()).isEqualTo(n + 1);
    assertThat(raw.get(Bucket.META, Meta.FINISHED_COMPACT)).isEqualTo(Meta.compactBytes(rev));
    assertThat(Backends.keyRevisions(raw)).hasSize(2);
    assertThat(store.range(Req.all()).getKvsList()).extracting(kv -> kv.getValue().toStringUtf8())
        .containsExactly("v" + (n - 2), "v" + (n - 1));
    assertThat(store.sizeInUseBytes()).isEqualTo(Backends.logicalBytes(raw));
  }
}
