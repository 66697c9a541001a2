package io.cairn.kv.store;

import static io.cairn.kv.store.Req.bs;
import static io.cairn.kv.store.Req.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class HistoryTest extends StoreTestBase {
  HistoryTest(BackendKind kind) {
    super(kind);
  }

  private List<Event> events(long from, String key, ByteString end, boolean prev, int max) throws EtcdException {
    return store().events(from, bs(key), end, prev, max);
  }

  private static String describe(Event e) {
    String s = e.getType() + " " + e.getKv().getKey().toStringUtf8() + "@" + e.getKv().getModRevision();
    if (e.getType() == Event.EventType.PUT) {
      s += "=" + e.getKv().getValue().toStringUtf8();
    }
    return e.hasPrevKv() ? s + " prev=" + e.getPrevKv().getValue().toStringUtf8() : s;
  }

  private void history() {
    put("a", "1"); // 2
    put("b", "1"); // 3
    put("a", "2"); // 4
    delete(Req.del("a")); // 5
    txn(Req.txn(List.of(), List.of(op(Req.put("a", "3")), op(Req.put("b", "2"))), List.of())); // 6
  }

  @Test
  void eventsInRevisionOrderWithPrevKvs() throws EtcdException {
    history();
    assertThat(events(1, "\0", Req.ZERO, true, 100).stream().map(HistoryTest::describe))
        .containsExactly(
            "PUT a@2=1",
            "PUT b@3=1",
            "PUT a@4=2 prev=1",
            "DELETE a@5 prev=2",
            "PUT a@6=3",
            "PUT b@6=2 prev=1");
    assertThat(events(4, "a", ByteString.EMPTY, false, 100).stream().map(HistoryTest::describe))
        .containsExactly("PUT a@4=2", "DELETE a@5", "PUT a@6=3");
    assertThat(events(6, "b", ByteString.EMPTY, true, 100).getFirst().getPrevKv().getModRevision()).isEqualTo(3);
  }

  @Test
  void deleteEventsCarryTheKeyAndTheDeletionRevisionOnly() throws EtcdException {
    history();
    Event del = events(5, "a", ByteString.EMPTY, false, 1).getFirst();
    assertThat(del.getType()).isEqualTo(Event.EventType.DELETE);
    assertThat(del.getKv()).isEqualTo(KeyValue.newBuilder().setKey(bs("a")).setModRevision(5).build());
  }

  @Test
  void maxEventsCutsAndTheCallerResumes() throws EtcdException {
    history();
    List<Event> first = events(2, "\0", Req.ZERO, false, 5);
    assertThat(first).hasSize(5);
    assertThat(first.getLast().getKv().getModRevision()).isEqualTo(6);
    assertThat(events(7, "\0", Req.ZERO, false, 5)).isEmpty();
    assertThat(events(2, "\0", Req.ZERO, false, 0)).isEmpty();
    assertThat(events(0, "\0", Req.ZERO, false, 100)).hasSize(6);
  }

  @Test
  void compactedHistoryIsRefusedAndPrevKvsBelowTheCompactionAreDropped() throws EtcdException {
    history();
    ok(Req.compact(4));
    assertThatThrownBy(() -> events(3, "a", ByteString.EMPTY, true, 10))
        .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.COMPACTED));
    // as in etcd, a watch may start at the compact revision itself: what compaction kept there is read
    assertThat(events(4, "\0", Req.ZERO, false, 10)).extracting(e -> e.getKv().getModRevision())
        .allSatisfy(rev -> assertThat(rev).isGreaterThanOrEqualTo(4L));
    assertThat(events(5, "\0", Req.ZERO, true, 10).stream().map(HistoryTest::describe))
        .containsExactly("DELETE a@5 prev=2", "PUT a@6=3", "PUT b@6=2 prev=1");
    assertThat(events(0, "\0", Req.ZERO, false, 10)).hasSize(3);
  }

  @Test
  void listenersGetTheSameEventsAsHistoryWithTheNewRevision() throws EtcdException {
    List<Event> heard = new ArrayList<>();
    List<Event> heardWithPrev = new ArrayList<>();
    List<Long> revisions = new ArrayList<>();
    store().addListener((rev, evs) -> {
      revisions.add(rev);
      heard.addAll(evs);
      heardWithPrev.addAll(store().withPrevKvs(evs));
    });
    history();
    delete(Req.del("zzz")); // no change: no call
    ok(Req.grant(1, 5)); // no key change: no call
    assertThat(revisions).containsExactly(2L, 3L, 4L, 5L, 6L);
    // without prev_kv (read only when a watcher asks), and with it once asked, as history has them
    assertThat(heard).isEqualTo(events(1, "\0", Req.ZERO, false, 100));
    assertThat(heardWithPrev).isEqualTo(events(1, "\0", Req.ZERO, true, 100));
  }
}
