package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.Message;
import io.cairn.kv.store.backend.Backend;
import io.etcd.jetcd.api.AlarmRequest.AlarmAction;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the behaviour tests: each subclass is a {@code @ParameterizedClass} over {@link
 * BackendKind}, so every behaviour is written once and runs on both backends.
 */
abstract class StoreTestBase {
  final BackendKind kind;
  @TempDir Path tmp;
  private KvStore store;
  private Backend backend;
  private long nextIndex = 1;

  StoreTestBase(BackendKind kind) {
    this.kind = kind;
  }

  KvStore store() {
    if (store == null) {
      store = open(-1);
    }
    return store;
  }

  /** A fresh store with this quota, replacing the current one. */
  KvStore open(long quotaBytes) {
    closeStore();
    backend = kind.open(tmp.resolve("db"));
    store = KvStores.over(backend, quotaBytes);
    nextIndex = store.appliedIndex() + 1;
    return store;
  }

  /** Closes the store and opens the same directory again (RocksDB only: memory does not persist). */
  KvStore reopen() {
    store.close();
    backend = kind.open(tmp.resolve("db"));
    store = KvStores.over(backend, -1);
    nextIndex = store.appliedIndex() + 1;
    return store;
  }

  /** The current store's backend, for inspection. */
  Backend backend() {
    store();
    return backend;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  ApplyResult apply(KvCommand c) {
    Optional<ApplyResult> r = store().apply(nextIndex++, c);
    assertThat(r).isPresent();
    // every result must survive the trip to the proposer
    assertThat(ApplyResult.decode(c, r.get().encode())).isEqualTo(r.get());
    return r.get();
  }

  /** Applies a Raft entry without a kv command at the next index. */
  void noop() {
    store().applyNoop(nextIndex++);
  }

  @SuppressWarnings("unchecked")
  <T extends Message> T ok(KvCommand c) {
    ApplyResult r = apply(c);
    if (r instanceof ApplyResult.Failed f) {
      fail("expected success of %s but got %s", c, f.error());
    }
    return (T) ((ApplyResult.Ok) r).response();
  }

  EtcdError failure(KvCommand c) {
    ApplyResult r = apply(c);
    assertThat(r).isInstanceOf(ApplyResult.Failed.class);
    return ((ApplyResult.Failed) r).error();
  }

  PutResponse put(String k, String v) {
    return ok(new KvCommand.Put(Req.put(k, v)));
  }

  PutResponse put(PutRequest p) {
    return ok(new KvCommand.Put(p));
  }

  DeleteRangeResponse delete(DeleteRangeRequest d) {
    return ok(new KvCommand.DeleteRange(d));
  }

  TxnResponse txn(TxnRequest t) {
    return ok(new KvCommand.Txn(t));
  }

  RangeResponse range(RangeRequest r) {
    try {
      return store().range(r);
    } catch (EtcdException e) {
      throw new AssertionError("range failed: " + e.error(), e);
    }
  }

  EtcdError rangeError(RangeRequest r) {
    try {
      store().range(r);
    } catch (EtcdException e) {
      return e.error();
    }
    throw new AssertionError("range succeeded");
  }

  /** Leases with keys, a checkpoint, a txn, deletes, alarms, a compaction and no-ops. */
  void mixedHistory() {
    ok(Req.grant(100, 60));
    ok(Req.grant(200, 30));
    put(Req.put("lease/a", "1", 100));
    put(Req.put("lease/b", "1", 100));
    put(Req.put("lease/c", "1", 200));
    for (int i = 0; i < 10; i++) {
      put("k" + (i % 3), "v" + i);
    }
    txn(Req.txn(List.of(), List.of(Req.op(Req.put("t1", "x")), Req.op(Req.del("k0"))), List.of()));
    delete(Req.del("lease/c"));
    ok(new KvCommand.LeaseCheckpoint(List.of(new KvCommand.LeaseCheckpoint.Remaining(100, 42))));
    ok(Req.alarm(AlarmAction.ACTIVATE, 9, Alarms.NOSPACE));
    ok(Req.alarm(AlarmAction.ACTIVATE, 9, Alarms.NOSPACE));
    ok(Req.alarm(AlarmAction.DEACTIVATE, 9, Alarms.NOSPACE));
    ok(Req.compact(8));
    put("k1", "after-compaction");
    ok(Req.alarm(AlarmAction.ACTIVATE, 4, Alarms.NOSPACE));
    noop();
    noop();
  }

  /** The single KeyValue of a key, or null. */
  KeyValue kv(String k) {
    List<KeyValue> kvs = range(Req.get(k)).getKvsList();
    return kvs.isEmpty() ? null : kvs.getFirst();
  }

  static List<String> keys(RangeResponse r) {
    return r.getKvsList().stream().map(kv -> kv.getKey().toStringUtf8()).toList();
  }
}
