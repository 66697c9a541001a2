package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.RequestOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random puts, deletes, txns and compactions against a reference model that keeps a full snapshot
 * per revision: every retained revision must read the same, older ones must be COMPACTED, and the
 * history after the compaction must list the same changes.
 */
class ModelPropertyTest {
  private static final List<String> KEYS = List.of("a", "b", "c", "d", "e");

  sealed interface Op {}

  record Put(String key, String value) implements Op {}

  /** Deletes [from, to), or just {@code from} when {@code to} is null, or to the end when "". */
  record Delete(String from, String to) implements Op {}

  record Txn(List<Op> ops) implements Op {}

  /** Compacts at compactRevision + 1 + fraction of the retained span (may be a future revision). */
  record Compact(double fraction) implements Op {}

  record Kv(String value, long create, long mod, long version) {}

  /** The reference: snapshot per revision (index = revision), changes per revision. */
  static final class Model {
    final List<Map<String, Kv>> snapshots = new ArrayList<>(List.of(Map.of(), Map.of()));
    final List<List<String>> changes = new ArrayList<>(List.of(List.of(), List.of()));
    long compactRevision;

    long revision() {
      return snapshots.size() - 1;
    }

    /** Applies a write op to a working copy; returns false if it changed nothing. */
    boolean write(Op op, TreeMap<String, Kv> state, long rev, List<String> changed) {
      return switch (op) {
        case Put p -> {
          Kv old = state.get(p.key());
          state.put(p.key(), new Kv(p.value(), old == null ? rev : old.create(), rev, old == null ? 1 : old.version() + 1));
          changed.add("PUT " + p.key());
          yield true;
        }
        case Delete d -> {
          List<String> doomed = new ArrayList<>();
          for (String k : state.keySet()) {
            boolean in = d.to() == null ? k.equals(d.from()) : k.compareTo(d.from()) >= 0 && (d.to().isEmpty() || k.compareTo(d.to()) < 0);
            if (in) {
              doomed.add(k);
            }
          }
          doomed.forEach(state::remove);
          doomed.forEach(k -> changed.add("DELETE " + k));
          yield !doomed.isEmpty();
        }
        case Txn t -> {
          boolean any = false;
          for (Op o : t.ops()) {
            any |= write(o, state, rev, changed);
          }
          yield any;
        }
        case Compact c -> throw new IllegalArgumentException();
      };
    }

    void apply(Op op) {
      TreeMap<String, Kv> state = new TreeMap<>(snapshots.getLast());
      List<String> changed = new ArrayList<>();
      if (write(op, state, revision() + 1, changed)) {
        snapshots.add(Map.copyOf(state));
        changes.add(changed);
      }
    }
  }

  static KvCommand toCommand(Op op) {
    return switch (op) {
      case Put p -> Req.putCmd(p.key(), p.value());
      case Delete d -> new KvCommand.DeleteRange(d.to() == null ? Req.del(d.from()) : Req.del(d.from(), end(d.to())));
      case Txn t -> new KvCommand.Txn(Req.txn(List.of(), t.ops().stream().map(ModelPropertyTest::toOp).toList(), List.of()));
      case Compact c -> throw new IllegalArgumentException();
    };
  }

  private static ByteString end(String to) {
    return to.isEmpty() ? Req.ZERO : Req.bs(to);
  }

  private static RequestOp toOp(Op op) {
    return switch (op) {
      case Put p -> Req.op(Req.put(p.key(), p.value()));
      case Delete d -> Req.op(d.to() == null ? Req.del(d.from()) : Req.del(d.from(), end(d.to())));
      default -> throw new IllegalArgumentException();
    };
  }

  @Provide
  Arbitrary<List<Op>> histories() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<Op> put = Combinators.combine(key, Arbitraries.of("0", "1", "2")).as(Put::new);
    Arbitrary<Op> delete =
        Combinators.combine(key, Arbitraries.of("a", "c", "e", "", "-")).as((f, t) -> new Delete(f, t.equals("-") ? null : t));
    Arbitrary<Op> txn = Arbitraries.oneOf(put, delete).list().ofMinSize(0).ofMaxSize(3).map(Txn::new);
    Arbitrary<Op> compact = Arbitraries.doubles().between(0, 1.2).map(Compact::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, put), net.jqwik.api.Tuple.of(2, delete), net.jqwik.api.Tuple.of(2, txn), net.jqwik.api.Tuple.of(1, compact))
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 150)
  void storeMatchesTheModelAtEveryRetainedRevision(@ForAll("histories") List<Op> ops) throws EtcdException {
    Model model = new Model();
    try (KvStore store = KvStores.inMemory(-1)) {
      long index = 1;
      for (Op op : ops) {
        if (op instanceof Compact c) {
          long span = model.revision() - model.compactRevision;
          long rev = model.compactRevision + 1 + (long) Math.floor(c.fraction() * span);
          ApplyResult r = store.apply(index++, Req.compact(rev)).orElseThrow();
          if (rev > model.revision()) {
            assertThat(r).isEqualTo(new ApplyResult.Failed(EtcdError.FUTURE_REV));
          } else {
            assertThat(r).isInstanceOf(ApplyResult.Ok.class);
            model.compactRevision = rev;
          }
          continue;
        }
        ApplyResult r = store.apply(index++, toCommand(op)).orElseThrow();
        assertThat(r).isInstanceOf(ApplyResult.Ok.class);
        model.apply(op);
        assertThat(store.revision()).isEqualTo(model.revision());
      }
      check(store, model);
    }
  }

  private static void check(KvStore store, Model model) throws EtcdException {
    assertThat(store.compactRevision()).isEqualTo(model.compactRevision);
    for (long rev = 1; rev <= model.revision(); rev++) {
      if (rev < model.compactRevision) {
        try {
          store.range(Req.all().toBuilder().setRevision(rev).build());
          throw new AssertionError("range at compacted revision " + rev + " succeeded");
        } catch (EtcdException e) {
          assertThat(e.error()).isEqualTo(EtcdError.COMPACTED);
        }
        continue;
      }
      RangeResponse r = store.range(Req.all().toBuilder().setRevision(rev).build());
      List<KeyValue> expected = new ArrayList<>();
      new TreeMap<>(model.snapshots.get((int) rev))
          .forEach(
              (k, kv) ->
                  expected.add(
                      KeyValue.newBuilder()
                          .setKey(Req.bs(k))
                          .setValue(Req.bs(kv.value()))
                          .setCreateRevision(kv.create())
                          .setModRevision(kv.mod())
                          .setVersion(kv.version())
                          .build()));
      assertThat(r.getKvsList()).as("revision %d", rev).isEqualTo(expected);
      assertThat(r.getCount()).isEqualTo(expected.size());
    }
    List<String> expectedHistory = new ArrayList<>();
    for (long rev = model.compactRevision + 1; rev <= model.revision(); rev++) {
      for (String change : model.changes.get((int) rev)) {
        expectedHistory.add(rev + " " + change);
      }
    }
    List<Event> events = store.events(0, Req.ZERO, Req.ZERO, false, 10_000);
    assertThat(events.stream().map(e -> e.getKv().getModRevision() + " " + e.getType() + " " + e.getKv().getKey().toStringUtf8()))
        .containsExactlyElementsOf(expectedHistory);
  }
}
