package io.cairn.kv.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LessorTest {
  private static final long S = 1_000_000_000L;
  private final KvStore store = KvStores.inMemory();
  private final AtomicLong clock = new AtomicLong(1000 * S);
  private final AtomicBoolean leader = new AtomicBoolean(true);
  private long index;

  /** Applies what the lessor proposes straight to the store, as a one-member Raft group would. */
  private final LeaseProposer proposer =
      new LeaseProposer() {
        @Override
        public CompletableFuture<?> revoke(long id) {
          store.apply(++index, new KvCommand.LeaseRevoke(LeaseRevokeRequest.newBuilder().setID(id).build()));
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<?> checkpoint(List<KvCommand.LeaseCheckpoint.Remaining> leases) {
          store.apply(++index, new KvCommand.LeaseCheckpoint(leases));
          return CompletableFuture.completedFuture(null);
        }
      };

  private Lessor lessor() {
    return new Lessor(store, proposer, 0xabcdL, leader::get, clock::get, 2, false);
  }

  private void grant(long id, long ttl) {
    store.apply(++index, new KvCommand.LeaseGrant(LeaseGrantRequest.newBuilder().setID(id).setTTL(ttl).build()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void expiresAfterTheTtlAndNotBefore() {
    Lessor l = lessor();
    grant(7, 10);
    l.tick();
    clock.addAndGet(9 * S);
    l.tick();
    assertThat(store.lease(7)).isPresent();
    clock.addAndGet(2 * S);
    l.tick();
    assertThat(store.lease(7)).isEmpty();
  }

  @Test
  void keepAliveRestartsTheCountdown() throws EtcdException {
    Lessor l = lessor();
    grant(8, 10);
    l.tick();
    clock.addAndGet(8 * S);
    assertThat(l.renew(8)).isEqualTo(10);
    clock.addAndGet(8 * S);
    l.tick();
    assertThat(store.lease(8)).isPresent();
    assertThat(l.remainingSeconds(8)).hasValue(2L);
    clock.addAndGet(3 * S);
    l.tick();
    assertThat(store.lease(8)).isEmpty();
    assertThat(l.remainingSeconds(8)).isEmpty();
  }

  @Test
  void unknownOrExpiredLeasesAreNotFoundAndFollowersDefer() {
    Lessor l = lessor();
    assertThatThrownBy(() -> l.renew(99))
        .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.LEASE_NOT_FOUND));
    leader.set(false);
    grant(5, 10);
    assertThatThrownBy(() -> l.renew(5))
        .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.NOT_LEADER));
  }

  @Test
  void aNewLeaderContinuesFromTheCheckpointInsteadOfRestarting() throws EtcdException {
    Lessor old = lessor();
    grant(9, 60);
    old.tick();
    clock.addAndGet(50 * S);
    old.renew(9); // 60 s left from here
    clock.addAndGet(40 * S); // 20 s left
    old.checkpoint(); // records the remaining TTL as of the renewal's expiry: 20 s
    assertThat(store.lease(9).orElseThrow().remainingTtlSeconds()).isEqualTo(20);
    leader.set(false);
    old.tick();
    Lessor next = lessor();
    leader.set(true);
    next.tick();
    clock.addAndGet(19 * S);
    next.tick();
    assertThat(store.lease(9)).isPresent();
    clock.addAndGet(2 * S);
    next.tick();
    assertThat(store.lease(9)).as("expired 20 s after the change, not 60 s").isEmpty();
  }

  @Test
  void ttlIsRaisedToTheMinimumAndIdsAreFreshAndPrefixed() {
    Lessor l = lessor();
    assertThat(l.adjustTtl(1)).isEqualTo(2);
    assertThat(l.adjustTtl(30)).isEqualTo(30);
    long id = l.newLeaseId();
    assertThat(id).isPositive();
    assertThat(id >>> 48).isEqualTo(0xabcdL & 0x7fff); // etcd masks IDs positive: (1 << 63) - 1
    assertThat(l.newLeaseId()).isNotEqualTo(id);
  }
}
