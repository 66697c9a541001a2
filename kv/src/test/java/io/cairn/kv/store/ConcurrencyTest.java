package io.cairn.kv.store;

import static io.cairn.kv.store.Req.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Readers racing the applier see whole applies: a txn writes x and y together, so every read must
 * show them equal; reads at old revisions succeed or fail with COMPACTED, never anything else.
 */
@ParameterizedClass
@EnumSource(BackendKind.class)
class ConcurrencyTest extends StoreTestBase {
  ConcurrencyTest(BackendKind kind) {
    super(kind);
  }

  @Test
  void readersSeeEitherTheStateBeforeOrAfterEachApply() throws Exception {
    KvStore store = store();
    AtomicBoolean done = new AtomicBoolean();
    Queue<Throwable> problems = new ConcurrentLinkedQueue<>();
    AtomicLong reads = new AtomicLong();
    Runnable reader =
        () -> {
          try {
            while (!done.get()) {
              readOnce(store);
              reads.incrementAndGet();
            }
          } catch (Throwable t) {
            problems.add(t);
          }
        };
    Thread[] threads = {new Thread(reader), new Thread(reader)};
    for (Thread t : threads) {
      t.start();
    }
    try {
      for (int i = 1; i <= 400; i++) {
        String v = Integer.toString(i);
        txn(Req.txn(List.of(), List.of(op(Req.put("x", v)), op(Req.put("y", v)), op(Req.put("z" + (i % 5), v))), List.of()));
        if (i % 40 == 0) {
          ok(Req.compact(store.revision() - 5));
        }
      }
    } finally {
      done.set(true);
      for (Thread t : threads) {
        t.join();
      }
    }
    assertThat(problems).isEmpty();
    assertThat(reads.get()).isPositive();
  }

  private static void readOnce(KvStore store) throws EtcdException {
    RangeResponse now = store.range(Req.prefix(""));
    assertConsistent(now);
    long rev = store.revision();
    long from = Math.max(1, rev - ThreadLocalRandom.current().nextLong(12));
    try {
      assertConsistent(store.range(Req.all().toBuilder().setRevision(from).build()));
      store.events(from, Req.bs("x"), Req.bs("y"), true, 50);
      store.hashKv(0);
    } catch (EtcdException e) {
      assertThat(e.error()).isEqualTo(EtcdError.COMPACTED);
    }
  }

  private static void assertConsistent(RangeResponse r) {
    List<KeyValue> kvs = r.getKvsList();
    if (kvs.isEmpty()) {
      return;
    }
    KeyValue x = kvs.get(0);
    KeyValue y = kvs.get(1);
    assertThat(x.getKey().toStringUtf8()).isEqualTo("x");
    assertThat(y.getKey().toStringUtf8()).isEqualTo("y");
    assertThat(x.getValue()).isEqualTo(y.getValue());
    assertThat(x.getModRevision()).isEqualTo(y.getModRevision());
    assertThat(r.getHeader().getRevision()).isGreaterThanOrEqualTo(x.getModRevision());
  }
}
