package io.cairn.kv.store;

import static io.cairn.kv.store.Req.bs;
import static io.cairn.kv.store.Req.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.Compare.CompareResult;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.ResponseOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class TxnTest extends StoreTestBase {
  TxnTest(BackendKind kind) {
    super(kind);
  }

  private static TxnRequest ifThen(List<Compare> cmp, io.etcd.jetcd.api.RequestOp... success) {
    return Req.txn(cmp, List.of(success), List.of());
  }

  @Test
  void twoPutsShareOneRevisionWithIncreasingSubRevisions() {
    List<Long> seen = new java.util.ArrayList<>();
    store().addListener((rev, events) -> events.forEach(e -> seen.add(rev)));
    TxnResponse r = txn(ifThen(List.of(), op(Req.put("a", "1")), op(Req.put("b", "2"))));
    assertThat(r.getSucceeded()).isTrue();
    assertThat(r.getHeader().getRevision()).isEqualTo(2);
    assertThat(r.getResponses(0).getResponsePut().getHeader().getRevision()).isEqualTo(2);
    assertThat(store().revision()).isEqualTo(2);
    assertThat(kv("a").getModRevision()).isEqualTo(2);
    assertThat(kv("b").getModRevision()).isEqualTo(2);
    assertThat(seen).containsExactly(2L, 2L);
    assertThat(put("c", "3").getHeader().getRevision()).isEqualTo(3);
  }

  @Test
  void readOnlyAndEmptyTxnsDoNotBumpTheRevision() {
    put("a", "1");
    TxnResponse r = txn(ifThen(List.of(), op(Req.get("a"))));
    assertThat(r.getHeader().getRevision()).isEqualTo(2);
    assertThat(r.getResponses(0).getResponseRange().getKvs(0).getValue()).isEqualTo(bs("1"));
    TxnResponse empty = txn(TxnRequest.getDefaultInstance());
    assertThat(empty.getSucceeded()).isTrue();
    assertThat(empty.getResponsesList()).isEmpty();
    assertThat(store().revision()).isEqualTo(2);
  }

  /**
   * A read-only txn answered without Raft ({@link KvStore#readOnlyTxn}) answers exactly as the same
   * txn applied through the log: branches, nested txns, ranges at old revisions, counts and limits;
   * and refuses a compacted or future revision with the same error.
   */
  @Test
  void aReadOnlyTxnAnswersAsTheAppliedOne() throws Exception {
    put("a", "1"); // 2
    put("b", "2"); // 3
    put("a", "3"); // 4
    put("c/1", "x"); // 5
    put("c/2", "y"); // 6
    ok(Req.compact(3));
    RangeRequest atFour = Req.get("a").toBuilder().setRevision(4).build();
    RangeRequest prefixLimited = Req.prefix("c/").toBuilder().setLimit(1).setSortOrder(RangeRequest.SortOrder.DESCEND).build();
    TxnRequest nested = Req.txn(List.of(Req.cmpValue("b", CompareResult.EQUAL, "2")),
        List.of(op(Req.get("b")), op(Req.txn(List.of(Req.cmpVersion("a", CompareResult.GREATER, 5)),
            List.of(op(Req.all())), List.of(op(prefixLimited), op(atFour))))),
        List.of(op(Req.get("nothing"))));
    List<TxnRequest> txns = List.of(
        TxnRequest.getDefaultInstance(),
        ifThen(List.of(Req.cmpValue("a", CompareResult.EQUAL, "3")), op(Req.get("a")), op(atFour)),
        Req.txn(List.of(Req.cmpMod("a", CompareResult.LESS, 2)), List.of(op(Req.get("a"))),
            List.of(op(prefixLimited), op(Req.all().toBuilder().setCountOnly(true).build()))),
        nested);
    for (TxnRequest t : txns) {
      assertThat(store().readOnlyTxn(t)).as("%s", t).isEqualTo(txn(t));
    }
    assertThat(store().revision()).isEqualTo(6);
    for (long rev : new long[] {2, 7}) {
      TxnRequest t = ifThen(List.of(), op(Req.get("a").toBuilder().setRevision(rev).build()));
      EtcdError applied = failure(new KvCommand.Txn(t));
      assertThat(applied).isEqualTo(rev == 2 ? EtcdError.COMPACTED : EtcdError.FUTURE_REV);
      assertThatThrownBy(() -> store().readOnlyTxn(t))
          .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(applied));
    }
    assertThatThrownBy(() -> store().readOnlyTxn(ifThen(List.of(), op(Req.put("a", "4")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KvStore.isReadOnly(nested)).isTrue();
    assertThat(KvStore.isReadOnly(Req.txn(List.of(), List.of(), List.of(op(Req.txn(List.of(), List.of(op(Req.del("a"))),
        List.of())))))).isFalse();
  }

  @Test
  void comparesChooseTheBranch() {
    put("a", "1"); // 2
    put("a", "2"); // 3, version 2
    assertThat(branch(Req.cmpValue("a", CompareResult.EQUAL, "2"))).isTrue();
    assertThat(branch(Req.cmpValue("a", CompareResult.GREATER, "10"))).isTrue(); // bytewise "2" > "10"
    assertThat(branch(Req.cmpValue("a", CompareResult.LESS, "2"))).isFalse();
    assertThat(branch(Req.cmpVersion("a", CompareResult.EQUAL, 2))).isTrue();
    assertThat(branch(Req.cmpVersion("a", CompareResult.NOT_EQUAL, 2))).isFalse();
    assertThat(branch(Req.cmpCreate("a", CompareResult.EQUAL, 2))).isTrue();
    assertThat(branch(Req.cmpMod("a", CompareResult.LESS, 4))).isTrue();
    assertThat(branch(Req.cmpMod("a", CompareResult.GREATER, 3))).isFalse();
    assertThat(branch(Compares.leaseCompare(bs("a"), CompareResult.EQUAL, 0))).isTrue();
    ok(Req.grant(5, 10));
    put(Req.put("a", "3", 5));
    assertThat(branch(Compares.leaseCompare(bs("a"), CompareResult.EQUAL, 5))).isTrue();
    assertThat(branch(Compares.leaseCompare(bs("a"), CompareResult.GREATER, 5))).isFalse();
  }

  @Test
  void missingKeysCompareAsZeroExceptForValues() {
    assertThat(branch(Req.cmpVersion("x", CompareResult.EQUAL, 0))).isTrue();
    assertThat(branch(Req.cmpCreate("x", CompareResult.EQUAL, 0))).isTrue();
    assertThat(branch(Req.cmpMod("x", CompareResult.LESS, 1))).isTrue();
    assertThat(branch(Req.cmpValue("x", CompareResult.EQUAL, ""))).isFalse();
    assertThat(branch(Req.cmpValue("x", CompareResult.NOT_EQUAL, "a"))).isFalse();
  }

  @Test
  void aRangeCompareNeedsEveryKeyToMatch() {
    put("p/1", "x");
    put("p/2", "x");
    Compare all = Req.cmpValue("p/", CompareResult.EQUAL, "x").toBuilder().setRangeEnd(Req.prefixEnd("p/")).build();
    assertThat(branch(all)).isTrue();
    put("p/3", "y");
    assertThat(branch(all)).isFalse();
  }

  private boolean branch(Compare c) {
    TxnResponse r = txn(Req.txn(List.of(c), List.of(op(Req.get("a"))), List.of()));
    assertThat(r.getResponsesCount()).isEqualTo(r.getSucceeded() ? 1 : 0);
    return r.getSucceeded();
  }

  @Test
  void failureBranchRunsWhenACompareFails() {
    TxnResponse r =
        txn(
            Req.txn(
                List.of(Req.cmpVersion("a", CompareResult.GREATER, 0)),
                List.of(op(Req.put("a", "then"))),
                List.of(op(Req.put("a", "else")), op(Req.get("a")))));
    assertThat(r.getSucceeded()).isFalse();
    assertThat(r.getResponsesCount()).isEqualTo(2);
    assertThat(kv("a").getValue()).isEqualTo(bs("else"));
  }

  @Test
  void readsInsideATxnSeeItsEarlierWrites() {
    put("a", "old"); // 2
    TxnResponse r =
        txn(
            ifThen(
                List.of(),
                op(Req.get("a")),
                op(Req.put("a", "new")),
                op(Req.get("a")),
                op(Req.del("a")),
                op(Req.get("a"))));
    assertThat(r.getHeader().getRevision()).isEqualTo(3);
    var before = r.getResponses(0).getResponseRange();
    assertThat(before.getKvs(0).getValue()).isEqualTo(bs("old"));
    assertThat(before.getHeader().getRevision()).isEqualTo(2);
    var after = r.getResponses(2).getResponseRange();
    assertThat(after.getKvs(0).getValue()).isEqualTo(bs("new"));
    assertThat(after.getKvs(0).getVersion()).isEqualTo(2);
    assertThat(after.getHeader().getRevision()).isEqualTo(3);
    assertThat(r.getResponses(3).getResponseDeleteRange().getDeleted()).isEqualTo(1);
    assertThat(r.getResponses(4).getResponseRange().getKvsList()).isEmpty();
    assertThat(kv("a")).isNull();
    assertThat(store().revision()).isEqualTo(3);
  }

  @Test
  void nestedTxnComparesSeeTheStateBeforeTheOuterTxn() {
    TxnRequest inner =
        Req.txn(
            List.of(Req.cmpValue("a", CompareResult.EQUAL, "1")),
            List.of(op(Req.put("b", "inner-then"))),
            List.of(op(Req.put("b", "inner-else"))));
    TxnResponse r = txn(ifThen(List.of(), op(Req.put("a", "1")), op(inner), op(Req.get("b"))));
    assertThat(r.getResponsesCount()).isEqualTo(3);
    TxnResponse nested = r.getResponses(1).getResponseTxn();
    assertThat(nested.getSucceeded()).isFalse();
    assertThat(nested.getHeader()).isEqualTo(ResponseHeader.getDefaultInstance());
    assertThat(nested.hasHeader()).isTrue();
    assertThat(nested.getResponses(0).getResponsePut().getHeader().getRevision()).isEqualTo(2);
    assertThat(r.getResponses(2).getResponseRange().getKvs(0).getValue()).isEqualTo(bs("inner-else"));
    assertThat(kv("b").getModRevision()).isEqualTo(2);
    assertThat(r.getHeader().getRevision()).isEqualTo(2);
  }

  @Test
  void aPutWithAnUnknownLeaseFailsTheWholeTxn() {
    put("a", "1");
    var cmd = new KvCommand.Txn(ifThen(List.of(), op(Req.put("a", "2")), op(Req.put("b", "x", 42))));
    assertThat(failure(cmd)).isEqualTo(EtcdError.LEASE_NOT_FOUND);
    assertThat(kv("a").getValue()).isEqualTo(bs("1"));
    assertThat(store().revision()).isEqualTo(2);
  }

  @Test
  void checksOnlyCoverTheTakenBranch() {
    TxnResponse r =
        txn(
            Req.txn(
                List.of(Req.cmpVersion("a", CompareResult.EQUAL, 0)),
                List.of(op(Req.put("a", "1"))),
                List.of(op(Req.put("b", "x", 42)))));
    assertThat(r.getSucceeded()).isTrue();
  }

  @Test
  void ignoreValueOnAMissingKeyFailsTheTxn() {
    var cmd =
        new KvCommand.Txn(
            ifThen(List.of(), op(Req.put("a", "1")), op(Req.put("b", "").toBuilder().setIgnoreValue(true).build())));
    assertThat(failure(cmd)).isEqualTo(EtcdError.KEY_NOT_FOUND);
    assertThat(store().revision()).isEqualTo(1);
  }

  @Test
  void rangeRevisionsAreCheckedBeforeTheTxnRuns() {
    put("a", "1"); // 2
    put("a", "2"); // 3
    ok(Req.compact(3));
    var future = new KvCommand.Txn(ifThen(List.of(), op(Req.put("x", "1")), op(Req.get("a").toBuilder().setRevision(4).build())));
    assertThat(failure(future)).isEqualTo(EtcdError.FUTURE_REV);
    var compacted = new KvCommand.Txn(ifThen(List.of(), op(Req.put("x", "1")), op(Req.get("a").toBuilder().setRevision(2).build())));
    assertThat(failure(compacted)).isEqualTo(EtcdError.COMPACTED);
    assertThat(kv("x")).isNull();
    TxnResponse atCompact = txn(ifThen(List.of(), op(Req.get("a").toBuilder().setRevision(3).build())));
    assertThat(atCompact.getResponses(0).getResponseRange().getKvs(0).getValue()).isEqualTo(bs("2"));
  }

  @Test
  void emptyRequestOpsGetEmptyResponses() {
    TxnResponse r = txn(ifThen(List.of(), io.etcd.jetcd.api.RequestOp.getDefaultInstance(), op(Req.put("a", "1"))));
    assertThat(r.getResponses(0)).isEqualTo(ResponseOp.getDefaultInstance());
    assertThat(r.getResponses(1).hasResponsePut()).isTrue();
  }

  @Test
  void deleteAndRecreateInOneTxn() {
    put("a", "1"); // 2
    TxnResponse r = txn(ifThen(List.of(), op(Req.del("a")), op(Req.put("a", "2"))));
    assertThat(r.getHeader().getRevision()).isEqualTo(3);
    assertThat(kv("a").getCreateRevision()).isEqualTo(3);
    assertThat(kv("a").getVersion()).isEqualTo(1);
  }
}
