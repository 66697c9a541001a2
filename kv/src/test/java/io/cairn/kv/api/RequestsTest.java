package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/** etcd 3.4's edge validation (v3rpc/key.go), case by case. */
class RequestsTest {
  private static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  private static RequestOp put(String k) {
    return RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder().setKey(b(k))).build();
  }

  private static RequestOp del(String k, String end) {
    return RequestOp.newBuilder()
        .setRequestDeleteRange(DeleteRangeRequest.newBuilder().setKey(b(k)).setRangeEnd(b(end)))
        .build();
  }

  private static RequestOp txn(TxnRequest t) {
    return RequestOp.newBuilder().setRequestTxn(t).build();
  }

  private static void fails(EtcdError error, ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(EtcdException.class, e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(error));
  }

  @Test
  void emptyKeysAreRefused() {
    fails(EtcdError.EMPTY_KEY, () -> Requests.checkRange(RangeRequest.getDefaultInstance()));
    fails(EtcdError.EMPTY_KEY, () -> Requests.checkPut(PutRequest.getDefaultInstance()));
    fails(EtcdError.EMPTY_KEY, () -> Requests.checkDelete(DeleteRangeRequest.getDefaultInstance()));
    fails(EtcdError.EMPTY_KEY,
        () -> Requests.checkTxn(TxnRequest.newBuilder().addCompare(Compare.getDefaultInstance()).build(), 128));
  }

  @Test
  void ignoreFlagsConflictWithValues() {
    fails(EtcdError.VALUE_PROVIDED,
        () -> Requests.checkPut(PutRequest.newBuilder().setKey(b("k")).setValue(b("v")).setIgnoreValue(true).build()));
    fails(EtcdError.LEASE_PROVIDED,
        () -> Requests.checkPut(PutRequest.newBuilder().setKey(b("k")).setLease(5).setIgnoreLease(true).build()));
  }

  @Test
  void tooManyOpsCountsTheLargestList() {
    TxnRequest.Builder t = TxnRequest.newBuilder();
    for (int i = 0; i < 129; i++) {
      t.addSuccess(put("k" + i));
    }
    fails(EtcdError.TOO_MANY_OPS, () -> Requests.checkTxn(t.build(), 128));
    assertThatCode(() -> Requests.checkTxn(t.build(), 129)).doesNotThrowAnyException();
  }

  @Test
  void anEmptyOpIsKeyNotFound() {
    fails(EtcdError.KEY_NOT_FOUND,
        () -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(RequestOp.getDefaultInstance()).build(), 128));
  }

  @Test
  void duplicatePutsAndPutsIntoDeletedRangesAreRefused() {
    fails(EtcdError.DUPLICATE_KEY,
        () -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(put("a")).addSuccess(put("a")).build(), 128));
    fails(EtcdError.DUPLICATE_KEY,
        () -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(del("a", "c")).addSuccess(put("b")).build(), 128));
    // a put in the success branch and the same put in the failure branch are fine
    assertThatCode(
            () -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(put("a")).addFailure(put("a")).build(), 128))
        .doesNotThrowAnyException();
    // nested: then and else branches may overlap each other, not the outer puts
    TxnRequest nested = TxnRequest.newBuilder().addSuccess(put("x")).addFailure(put("x")).build();
    assertThatCode(() -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(txn(nested)).build(), 128))
        .doesNotThrowAnyException();
    fails(EtcdError.DUPLICATE_KEY,
        () -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(txn(nested)).addSuccess(put("x")).build(), 128));
    // "\0" as range end deletes to the end of the keyspace
    fails(EtcdError.DUPLICATE_KEY,
        () -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(del("m", "\0")).addSuccess(put("zzz")).build(), 128));
    assertThatCode(
            () -> Requests.checkTxn(TxnRequest.newBuilder().addSuccess(del("m", "n")).addSuccess(put("n")).build(), 128))
        .doesNotThrowAnyException();
  }

  @Test
  void readOnlyTxnsAreRecognised() {
    RequestOp get = RequestOp.newBuilder().setRequestRange(RangeRequest.newBuilder().setKey(b("k"))).build();
    org.assertj.core.api.Assertions.assertThat(Requests.isReadOnly(TxnRequest.newBuilder().addSuccess(get).build())).isTrue();
    org.assertj.core.api.Assertions.assertThat(
            Requests.isReadOnly(TxnRequest.newBuilder().addSuccess(get).addFailure(txn(TxnRequest.newBuilder().addSuccess(put("a")).build())).build()))
        .isFalse();
  }
}
