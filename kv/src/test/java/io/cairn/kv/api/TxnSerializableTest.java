package io.cairn.kv.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import org.junit.jupiter.api.Test;

/** {@link KvService#serializable}: when a read-only txn skips the read barrier, as etcd's isTxnSerializable. */
class TxnSerializableTest {
  private static RequestOp range(boolean serializable) {
    return RequestOp.newBuilder()
        .setRequestRange(RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("k")).setSerializable(serializable))
        .build();
  }

  @Test
  void onlyTxnsWhoseEveryOpIsASerializableRangeSkipTheBarrier() {
    assertThat(KvService.serializable(TxnRequest.getDefaultInstance())).as("no ops").isTrue();
    assertThat(KvService.serializable(TxnRequest.newBuilder().addSuccess(range(true)).addFailure(range(true)).build()))
        .isTrue();
    assertThat(KvService.serializable(TxnRequest.newBuilder().addSuccess(range(true)).addFailure(range(false)).build()))
        .isFalse();
    RequestOp nested = RequestOp.newBuilder()
        .setRequestTxn(TxnRequest.newBuilder().addSuccess(range(true))).build();
    assertThat(KvService.serializable(TxnRequest.newBuilder().addSuccess(nested).build())).as("a nested txn").isFalse();
  }
}
