package io.cairn.kv.store;

import static io.cairn.kv.store.Req.bs;
import static io.cairn.kv.store.Req.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.api.Compare.CompareResult;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.TxnResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@link KvCommand.Batch} applies exactly as its commands applied one after another would, except
 * that it commits once: same revisions, results, events and final state.
 */
@ParameterizedClass
@EnumSource(BackendKind.class)
class BatchTest extends StoreTestBase {
  BatchTest(BackendKind kind) {
    super(kind);
  }

  private List<ApplyResult> batch(KvCommand... commands) {
    ApplyResult r = apply(new KvCommand.Batch(List.of(commands)));
    assertThat(r).isInstanceOf(ApplyResult.Batch.class);
    List<ApplyResult> results = ((ApplyResult.Batch) r).results();
    assertThat(results).hasSize(commands.length);
    return results;
  }

  private static <T> T ok(ApplyResult r, Class<T> type) {
    assertThat(r).isInstanceOf(ApplyResult.Ok.class);
    return type.cast(((ApplyResult.Ok) r).response());
  }

  @Test
  void laterCommandsSeeEarlierOnesAndEachGetsItsOwnRevision() {
    List<String> seen = new ArrayList<>();
    // Listeners get events without prev_kv and read it on demand, after the whole batch committed.
    store().addListener((rev, events) -> store().withPrevKvs(events).forEach(e -> seen.add(rev + ":" + e.getType() + ":" + e.getKv().getKey().toStringUtf8()
        + (e.hasPrevKv() ? "<-" + e.getPrevKv().getValue().toStringUtf8() : ""))));
    List<ApplyResult> results =
        batch(
            Req.putCmd("a", "1"),
            new KvCommand.Put(Req.put("a", "2").toBuilder().setPrevKv(true).build()),
            new KvCommand.Txn(Req.txn(List.of(Req.cmpValue("a", CompareResult.EQUAL, "2")), List.of(op(Req.put("b", "x"))), List.of())),
            new KvCommand.DeleteRange(Req.del("a")),
            new KvCommand.Put(Req.put("c", "1", 77))); // no such lease: fails alone
    assertThat(ok(results.get(0), PutResponse.class).getHeader().getRevision()).isEqualTo(2);
    PutResponse second = ok(results.get(1), PutResponse.class);
    assertThat(second.getHeader().getRevision()).isEqualTo(3);
    assertThat(second.getPrevKv().getValue()).isEqualTo(bs("1"));
    TxnResponse txn = ok(results.get(2), TxnResponse.class);
    assertThat(txn.getSucceeded()).isTrue();
    assertThat(txn.getHeader().getRevision()).isEqualTo(4);
    assertThat(results.get(4)).isEqualTo(new ApplyResult.Failed(EtcdError.LEASE_NOT_FOUND));
    assertThat(store().revision()).isEqualTo(5);
    assertThat(kv("a")).isNull();
    assertThat(kv("b").getModRevision()).isEqualTo(4);
    assertThat(seen).containsExactly("2:PUT:a", "3:PUT:a<-1", "4:PUT:b", "5:DELETE:a<-2");
    // history of the batch's revisions is readable like any other
    assertThat(range(Req.get("a").toBuilder().setRevision(2).build()).getKvs(0).getValue()).isEqualTo(bs("1"));
    assertThat(range(Req.get("a").toBuilder().setRevision(3).build()).getKvs(0).getVersion()).isEqualTo(2);
  }

  @Test
  void aBatchEndsInTheSameStateAsItsCommandsOneByOne() throws Exception {
    List<KvCommand> commands =
        List.of(
            Req.grant(5, 60),
            new KvCommand.Put(Req.put("k", "v1", 5)),
            Req.putCmd("k", "v2"),
            Req.putCmd("j", "w"),
            Req.compact(3),
            Req.putCmd("k", "v3"),
            Req.revoke(5),
            new KvCommand.DeleteRange(Req.del("j")));
    List<ApplyResult> batched = batch(commands.toArray(KvCommand[]::new));
    KvStore.HashResult batchedHash = store().hashKv(0);
    long batchedRev = store().revision();
    try (KvStore other = KvStores.over(kind.open(tmp.resolve("one-by-one")), -1)) {
      List<ApplyResult> single = new ArrayList<>();
      long index = 1;
      for (KvCommand c : commands) {
        single.add(other.apply(index++, c).orElseThrow());
      }
      assertThat(batched).isEqualTo(single);
      assertThat(other.revision()).isEqualTo(batchedRev);
      assertThat(other.hashKv(0)).isEqualTo(batchedHash);
    }
  }

  @Test
  void aBatchAtAnAppliedIndexIsSkippedWhole() {
    put("a", "1");
    long applied = store().appliedIndex();
    assertThat(store().apply(applied, new KvCommand.Batch(List.of(Req.putCmd("a", "2"), Req.putCmd("b", "3"))))).isEmpty();
    assertThat(kv("a").getValue()).isEqualTo(bs("1"));
    assertThat(kv("b")).isNull();
  }

  @Test
  void batchesHoldCommandsButNoBatches() {
    assertThatThrownBy(() -> new KvCommand.Batch(List.of())).isInstanceOf(IllegalArgumentException.class);
    KvCommand.Batch inner = new KvCommand.Batch(List.of(Req.putCmd("a", "1")));
    assertThatThrownBy(() -> new KvCommand.Batch(List.of(inner))).isInstanceOf(IllegalArgumentException.class);
    byte[] nested = KvCommand.encodeBatch(List.of(inner.encode()));
    assertThatThrownBy(() -> KvCommand.decode(nested))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nest");
    assertThat(KvCommand.decode(KvCommand.encodeBatch(List.of(Req.putCmd("a", "1").encode(), Req.revoke(3).encode()))))
        .isEqualTo(new KvCommand.Batch(List.of(Req.putCmd("a", "1"), Req.revoke(3))));
  }
}
