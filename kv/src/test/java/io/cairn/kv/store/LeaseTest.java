package io.cairn.kv.store;

import static io.cairn.kv.store.Req.bs;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class LeaseTest extends StoreTestBase {
  LeaseTest(BackendKind kind) {
    super(kind);
  }

  @Test
  void grantAnswersIdAndTtlAndRejectsDuplicatesZeroAndHugeTtls() {
    put("a", "1");
    LeaseGrantResponse r = ok(Req.grant(10, 30));
    assertThat(r.getID()).isEqualTo(10);
    assertThat(r.getTTL()).isEqualTo(30);
    assertThat(r.getHeader().getRevision()).isEqualTo(2);
    assertThat(failure(Req.grant(10, 60))).isEqualTo(EtcdError.LEASE_EXIST);
    assertThat(failure(Req.grant(0, 60))).isEqualTo(EtcdError.LEASE_NOT_FOUND);
    assertThat(failure(Req.grant(11, Leases.MAX_TTL_SECONDS + 1))).isEqualTo(EtcdError.LEASE_TTL_TOO_LARGE);
    LeaseGrantResponse max = ok(Req.grant(12, Leases.MAX_TTL_SECONDS));
    assertThat(max.getTTL()).isEqualTo(Leases.MAX_TTL_SECONDS);
    assertThat(store().revision()).isEqualTo(2);
    assertThat(store().lease(10)).contains(new KvStore.LeaseInfo(10, 30, 30, List.of()));
    assertThat(store().leases()).extracting(KvStore.LeaseInfo::id).containsExactly(10L, 12L);
  }

  @Test
  void keysAttachAndMoveBetweenLeases() {
    ok(Req.grant(1, 10));
    ok(Req.grant(2, 10));
    put(Req.put("b", "x", 1));
    put(Req.put("a", "x", 1));
    assertThat(store().lease(1).orElseThrow().keys()).containsExactly(bs("a"), bs("b"));
    put(Req.put("a", "y", 2));
    assertThat(store().lease(1).orElseThrow().keys()).containsExactly(bs("b"));
    assertThat(store().lease(2).orElseThrow().keys()).containsExactly(bs("a"));
    put(Req.put("a", "z"));
    assertThat(store().lease(2).orElseThrow().keys()).isEmpty();
    assertThat(kv("a").getLease()).isZero();
    delete(Req.del("b"));
    assertThat(store().lease(1).orElseThrow().keys()).isEmpty();
  }

  @Test
  void revokeDeletesAllAttachedKeysInOneRevision() {
    ok(Req.grant(1, 10));
    put(Req.put("b", "x", 1)); // 2
    put(Req.put("a", "x", 1)); // 3
    put("c", "keep"); // 4
    List<Event> events = new ArrayList<>();
    List<Long> revisions = new ArrayList<>();
    store().addListener((rev, evs) -> {
      revisions.add(rev);
      events.addAll(evs);
    });
    LeaseRevokeResponse r = ok(Req.revoke(1));
    assertThat(r.getHeader().getRevision()).isEqualTo(5);
    assertThat(store().revision()).isEqualTo(5);
    assertThat(revisions).containsExactly(5L);
    assertThat(events).extracting(e -> e.getKv().getKey().toStringUtf8()).containsExactly("a", "b");
    assertThat(events).allMatch(e -> e.getType() == Event.EventType.DELETE && e.getKv().getModRevision() == 5);
    assertThat(keys(range(Req.all()))).containsExactly("c");
    assertThat(store().lease(1)).isEmpty();
    assertThat(failure(Req.revoke(1))).isEqualTo(EtcdError.LEASE_NOT_FOUND);
  }

  @Test
  void revokingALeaseWithoutKeysDoesNotBumpTheRevision() {
    ok(Req.grant(1, 10));
    LeaseRevokeResponse r = ok(Req.revoke(1));
    assertThat(r.getHeader().getRevision()).isEqualTo(1);
    assertThat(store().leases()).isEmpty();
  }

  @Test
  void checkpointsUpdateRemainingTtlAndIgnoreUnknownLeases() {
    ok(Req.grant(1, 100));
    ok(Req.grant(2, 50));
    ok(new KvCommand.LeaseCheckpoint(
        List.of(new KvCommand.LeaseCheckpoint.Remaining(1, 40), new KvCommand.LeaseCheckpoint.Remaining(9, 5))));
    assertThat(store().lease(1).orElseThrow().remainingTtlSeconds()).isEqualTo(40);
    assertThat(store().lease(1).orElseThrow().grantedTtlSeconds()).isEqualTo(100);
    assertThat(store().lease(2).orElseThrow().remainingTtlSeconds()).isEqualTo(50);
    assertThat(store().lease(9)).isEmpty();
    assertThat(store().revision()).isEqualTo(1);
  }
}
