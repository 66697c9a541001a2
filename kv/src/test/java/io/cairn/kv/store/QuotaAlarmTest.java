package io.cairn.kv.store;

import static io.cairn.kv.store.Req.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest.AlarmAction;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.AlarmType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class QuotaAlarmTest extends StoreTestBase {
  private static final AlarmMember OWN_NOSPACE = Alarms.member(0, Alarms.NOSPACE);

  QuotaAlarmTest(BackendKind kind) {
    super(kind);
  }

  private static KvCommand.Txn txnOf(io.etcd.jetcd.api.TxnRequest t) {
    return new KvCommand.Txn(t);
  }

  @Test
  void exceedingTheQuotaRaisesNospaceWhichRejectsPutsUntilSpaceIsFreed() throws Exception {
    open(4096);
    ok(Req.grant(1, 60));
    put(Req.put("leased", "x", 1));
    String big = "v".repeat(300);
    int i = 0;
    while (store().alarms().isEmpty()) {
      ApplyResult r = apply(Req.putCmd("k" + i++, big));
      assertThat(i).isLessThan(100);
      if (r instanceof ApplyResult.Failed f) {
        assertThat(f.error()).isEqualTo(EtcdError.NO_SPACE);
      }
    }
    assertThat(store().alarms()).containsExactly(OWN_NOSPACE);
    assertThat(store().sizeInUseBytes()).isGreaterThan(4096);
    long rev = store().revision();

    assertThat(failure(Req.putCmd("more", "x"))).isEqualTo(EtcdError.NO_SPACE);
    var nestedPut = Req.txn(List.of(), List.of(), List.of(op(Req.txn(List.of(), List.of(op(Req.put("n", "x"))), List.of()))));
    assertThat(failure(txnOf(nestedPut))).isEqualTo(EtcdError.NO_SPACE);
    assertThat(failure(Req.grant(2, 60))).isEqualTo(EtcdError.NO_SPACE);
    assertThat(store().revision()).isEqualTo(rev);
    txn(Req.txn(List.of(), List.of(op(Req.get("k0"))), List.of()));
    ok(Req.revoke(1));
    delete(Req.del("k", Req.prefixEnd("k")));
    assertThat(store().alarms()).containsExactly(OWN_NOSPACE);
    ok(Req.compact(store().revision()));
    assertThat(store().alarms()).as("the compaction that freed room cleared the alarm").isEmpty();
    store().defragment();

    assertThat(store().sizeInUseBytes()).isLessThan(4096);
    put("after", "ok");
    assertThat(store().alarms()).isEmpty();
    assertThat(kv("after")).isNotNull();
  }

  @Test
  void sizesAreExactLogicalBytesAndNeverAboveTheFileSize() {
    for (int i = 0; i < 50; i++) {
      put("k" + (i % 7), "value-" + i);
    }
    ok(Req.grant(3, 10));
    ok(Req.alarm(AlarmAction.ACTIVATE, 9, Alarms.NOSPACE));
    ok(Req.compact(30));
    assertThat(store().sizeInUseBytes()).isEqualTo(Backends.logicalBytes(backend()));
    assertThat(store().sizeBytes()).isGreaterThanOrEqualTo(store().sizeInUseBytes());
  }

  @Test
  void alarmCommandsAnswerLikeEtcd() {
    AlarmMember m5 = Alarms.member(5, Alarms.NOSPACE);
    AlarmResponse first = ok(Req.alarm(AlarmAction.ACTIVATE, 5, Alarms.NOSPACE));
    assertThat(first.getAlarmsList()).containsExactly(m5);
    AlarmResponse again = ok(Req.alarm(AlarmAction.ACTIVATE, 5, Alarms.NOSPACE));
    assertThat(again.getAlarmsList()).containsExactly(m5);
    AlarmResponse none = ok(Req.alarm(AlarmAction.ACTIVATE, 6, Alarms.NONE));
    assertThat(none.getAlarmsList()).isEmpty();
    ok(Req.alarm(AlarmAction.ACTIVATE, 2, Alarms.CORRUPT));
    AlarmResponse all = ok(Req.alarm(AlarmAction.GET, 0, Alarms.NONE));
    assertThat(all.getAlarmsList()).containsExactly(Alarms.member(2, Alarms.CORRUPT), m5);
    assertThat(store().alarms()).containsExactly(Alarms.member(2, Alarms.CORRUPT), m5);
    AlarmResponse off = ok(Req.alarm(AlarmAction.DEACTIVATE, 5, Alarms.NOSPACE));
    assertThat(off.getAlarmsList()).containsExactly(m5);
    AlarmResponse offAgain = ok(Req.alarm(AlarmAction.DEACTIVATE, 5, Alarms.NOSPACE));
    assertThat(offAgain.getAlarmsList()).isEmpty();
    assertThat(store().alarms()).extracting(AlarmMember::getAlarm).containsExactly(AlarmType.UNRECOGNIZED);
  }

  @Test
  void anOperatorsNospaceAlarmRejectsPutsWithoutAQuota() {
    ok(Req.alarm(AlarmAction.ACTIVATE, 7, Alarms.NOSPACE));
    assertThat(failure(Req.putCmd("a", "1"))).isEqualTo(EtcdError.NO_SPACE);
    delete(Req.del("a"));
    ok(Req.alarm(AlarmAction.DEACTIVATE, 7, Alarms.NOSPACE));
    put("a", "1");
  }

  @Test
  void corruptRejectsEveryWrite() {
    ok(Req.grant(1, 10));
    put("a", "1");
    ok(Req.alarm(AlarmAction.ACTIVATE, 3, Alarms.CORRUPT));
    assertThat(failure(Req.putCmd("a", "2"))).isEqualTo(EtcdError.CORRUPT);
    assertThat(failure(new KvCommand.DeleteRange(Req.del("a")))).isEqualTo(EtcdError.CORRUPT);
    assertThat(failure(txnOf(Req.txn(List.of(), List.of(op(Req.get("a"))), List.of())))).isEqualTo(EtcdError.CORRUPT);
    assertThat(failure(Req.compact(2))).isEqualTo(EtcdError.CORRUPT);
    assertThat(failure(Req.grant(2, 10))).isEqualTo(EtcdError.CORRUPT);
    assertThat(failure(Req.revoke(1))).isEqualTo(EtcdError.CORRUPT);
    ok(new KvCommand.LeaseCheckpoint(List.of(new KvCommand.LeaseCheckpoint.Remaining(1, 3))));
    assertThat(kv("a")).isNotNull(); // reads still work
    ok(Req.alarm(AlarmAction.DEACTIVATE, 3, Alarms.CORRUPT));
    put("a", "2");
  }
}
