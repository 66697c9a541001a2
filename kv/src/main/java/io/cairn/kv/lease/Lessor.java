package io.cairn.kv.lease;

import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's lease clock; see the package documentation.
 *
 * <p><b>State.</b> {@code expiry} maps each lease this leader tracks to its expiry time in
 * nanoseconds of {@code clock}; it is empty on followers. Each tick reconciles it with the store
 * (leases granted through any member appear, revoked ones disappear), so no grant path needs to
 * notify the lessor. {@code renewed} holds leases kept alive since their last checkpoint.
 *
 * <p><b>Threads.</b> All state is guarded by {@code this}; the tick runs on one scheduler thread;
 * renew and remaining-TTL queries come from gRPC threads.
 */
public final class Lessor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Lessor.class);
  static final int MAX_REVOKES_PER_SECOND = 1000;
  static final int MAX_CHECKPOINT_BATCH = 1000;
  private static final long SECOND = 1_000_000_000L;

  private final KvStore store;
  private final LeaseProposer proposer;
  private final LongSupplier clock;
  private final long minTtlSeconds;
  private final long idPrefix;
  private final java.util.function.BooleanSupplier raftLeader;
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService ticker;

  private boolean leader; // guarded by this
  private final Map<Long, Long> expiry = new HashMap<>(); // guarded by this
  private final Set<Long> revoking = new HashSet<>(); // guarded by this
  private final Set<Long> renewed = new HashSet<>(); // guarded by this

  /**
   * @param memberId this member's ID; its low 16 bits prefix generated lease IDs, as etcd does
   * @param raftLeader whether this member leads the Raft group now; checked on every call and tick,
   *     so the lessor follows leadership without being told
   * @param clock nanoseconds, monotonic
   * @param minTtlSeconds shorter grants are raised to this
   * @param tick whether to run the expiry/checkpoint ticker (tests drive {@link #tick()} themselves)
   */
  public Lessor(
      KvStore store,
      LeaseProposer proposer,
      long memberId,
      java.util.function.BooleanSupplier raftLeader,
      LongSupplier clock,
      long minTtlSeconds,
      boolean tick) {
    this.store = store;
    this.raftLeader = raftLeader;
    this.proposer = proposer;
    this.clock = clock;
    this.minTtlSeconds = minTtlSeconds;
    this.idPrefix = (memberId & 0xffffL) << 48;
    if (tick) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kv-lessor").daemon().factory());
      ticker.scheduleWithFixedDelay(this::tickSafely, 500, 500, TimeUnit.MILLISECONDS);
      ticker.scheduleWithFixedDelay(this::checkpointSafely, 1, 1, TimeUnit.SECONDS);
    } else {
      ticker = null;
    }
  }

  /** The TTL a grant will get: at least the minimum. */
  public long adjustTtl(long requestedTtlSeconds) {
    return Math.max(requestedTtlSeconds, minTtlSeconds);
  }

  /** A fresh lease ID for a grant that did not name one: positive, unused, member-prefixed. */
  public long newLeaseId() {
    while (true) {
      long id = (idPrefix | (random.nextLong() & 0x0000_ffff_ffff_ffffL)) & Long.MAX_VALUE;
      if (id != 0 && store.lease(id).isEmpty()) {
        return id;
      }
    }
  }

  /**
   * Follows Raft leadership; a new leader starts every lease's countdown from its stored remaining
   * TTL. Called on every lessor operation; may also be called when Raft reports a change.
   */
  public synchronized void syncLeadership() {
    boolean isLeader = raftLeader.getAsBoolean();
    if (isLeader == leader) {
      return;
    }
    leader = isLeader;
    expiry.clear();
    revoking.clear();
    renewed.clear();
    if (isLeader) {
      reconcile();
    }
  }

  public synchronized boolean isLeader() {
    syncLeadership();
    return leader;
  }

  /**
   * Keep-alive: restarts the lease's countdown at its granted TTL and returns that TTL.
   *
   * @throws EtcdException LEASE_NOT_FOUND if the lease does not exist (or is being revoked), NOT_LEADER
   *     on a follower (the caller forwards to the leader)
   */
  public synchronized long renew(long id) throws EtcdException {
    syncLeadership();
    if (!leader) {
      throw EtcdError.NOT_LEADER.exception();
    }
    Optional<KvStore.LeaseInfo> lease = store.lease(id);
    long now = clock.getAsLong();
    Long at = expiry.get(id);
    if (lease.isEmpty() || revoking.contains(id) || (at != null && at <= now)) {
      throw EtcdError.LEASE_NOT_FOUND.exception(); // gone, or expired and about to be revoked
    }
    long ttl = lease.get().grantedTtlSeconds();
    expiry.put(id, now + ttl * SECOND);
    renewed.add(id);
    return ttl;
  }

  /**
   * Seconds left before the lease expires: exact on the leader, the last checkpoint on a follower.
   * Empty if the lease does not exist.
   */
  public synchronized Optional<Long> remainingSeconds(long id) {
    syncLeadership();
    Optional<KvStore.LeaseInfo> lease = store.lease(id);
    if (lease.isEmpty()) {
      return Optional.empty();
    }
    Long at = leader ? expiry.get(id) : null;
    if (at == null) {
      return Optional.of(lease.get().remainingTtlSeconds());
    }
    long left = at - clock.getAsLong();
    // whole seconds, rounded down as etcd's int64(Remaining().Seconds()): 29 just after a 30 s grant
    return Optional.of(Math.max(0, left / SECOND));
  }

  /**
   * A grant was applied: the leader starts its countdown now rather than at the next tick, so a
   * time-to-live asked right after the grant already counts down (etcd answers 29 just after a 30 s
   * grant).
   */
  public synchronized void granted() {
    syncLeadership();
    if (leader) {
      reconcile();
    }
  }

  /** Adds leases the store has and this leader does not track; drops those the store no longer has. */
  private void reconcile() {
    Set<Long> present = new HashSet<>();
    long now = clock.getAsLong();
    for (KvStore.LeaseInfo l : store.leases()) {
      present.add(l.id());
      expiry.putIfAbsent(l.id(), now + l.remainingTtlSeconds() * SECOND);
    }
    expiry.keySet().retainAll(present);
    revoking.retainAll(present);
    renewed.retainAll(present);
  }

  /** One expiry pass: proposes revokes for expired leases, at most the per-second budget per call. */
  public void tick() {
    List<Long> expired = new ArrayList<>();
    synchronized (this) {
      syncLeadership();
      if (!leader) {
        return;
      }
      reconcile();
      long now = clock.getAsLong();
      int budget = MAX_REVOKES_PER_SECOND / 2; // ticks run twice a second
      for (Map.Entry<Long, Long> e : expiry.entrySet()) {
        if (e.getValue() <= now && !revoking.contains(e.getKey()) && expired.size() < budget) {
          expired.add(e.getKey());
        }
      }
      revoking.addAll(expired);
    }
    for (long id : expired) {
      proposer.revoke(id)
          .whenComplete(
              (ok, failure) -> {
                synchronized (Lessor.this) {
                  revoking.remove(id);
                }
                if (failure != null) {
                  log.debug("revoking expired lease {} failed; will retry", Long.toHexString(id), failure);
                }
              });
    }
  }

  /** Proposes the remaining TTL of leases renewed since their last checkpoint. */
  public void checkpoint() {
    List<KvCommand.LeaseCheckpoint.Remaining> batch = new ArrayList<>();
    synchronized (this) {
      if (!leader || renewed.isEmpty()) {
        return;
      }
      long now = clock.getAsLong();
      var it = renewed.iterator();
      while (it.hasNext() && batch.size() < MAX_CHECKPOINT_BATCH) {
        long id = it.next();
        it.remove();
        Long at = expiry.get(id);
        if (at != null) {
          batch.add(new KvCommand.LeaseCheckpoint.Remaining(id, Math.max(1, (at - now + SECOND - 1) / SECOND)));
        }
      }
    }
    if (!batch.isEmpty()) {
      proposer.checkpoint(batch)
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  synchronized (Lessor.this) {
                    batch.forEach(r -> renewed.add(r.id()));
                  }
                }
              });
    }
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("lease expiry pass failed", e);
    }
  }

  private void checkpointSafely() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      log.warn("lease checkpoint failed", e);
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
