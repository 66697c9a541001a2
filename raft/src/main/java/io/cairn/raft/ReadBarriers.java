package io.cairn.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Shares Raft read barriers (ReadIndex rounds) between concurrent readers, as etcd's
 * linearizable read loop does.
 *
 * <p><b>Invariant.</b> A caller's future completes only with the outcome of a round that
 * <em>started after the caller arrived</em>: a round already in flight may have fixed its read
 * index before a write the caller has seen was committed, so joining it would not be linearizable.
 * A caller that arrives while a round is in flight therefore waits for the next round, which starts
 * as soon as the current one ends and serves every caller that arrived in between. Under load a
 * read waits for at most two rounds, and the number of rounds per second is bounded by their
 * latency instead of growing with the number of readers.
 *
 * <p><b>Threads.</b> A round completes on a Ratis thread, inside Ratis' locks, where neither the
 * next round may start (its submission waits for a lock its caller holds) nor the callers' reads
 * may run. So a round's outcome is handed to {@code starter} once: there the next round starts,
 * then the round's callers are completed in groups of {@value #CALLERS_PER_THREAD}, the first group
 * on that thread and each further group on another {@code starter} task. A caller's continuation
 * (its read) runs on its group's thread, so a round of 64 readers costs 4 thread hand-offs rather
 * than 64 (on one shared core, 20 % more linearizable reads and a 25 % lower p99 in
 * {@code benchmarks/kv/compare-etcd.sh}), and a slow read delays at most the others of its group.
 *
 * <p><b>Concurrency.</b> {@link #join} is thread-safe. The state (whether a round is in flight,
 * the callers of the next round) is guarded by {@code this}; rounds are started outside the lock.
 * A failed round fails exactly the callers it served; the next round is started regardless. Each
 * caller gets its own future, so a caller that times out or is cancelled does not affect the others.
 */
final class ReadBarriers {
  static final int CALLERS_PER_THREAD = 16;

  private final Supplier<CompletableFuture<Void>> round;
  private final Executor starter;
  private boolean inFlight;
  private List<CompletableFuture<Void>> next; // callers waiting for the next round

  /**
   * @param round starts one read barrier round
   * @param starter runs what follows a round: the next round's start and the callers'
   *     continuations (never a Ratis thread; virtual threads)
   */
  ReadBarriers(Supplier<CompletableFuture<Void>> round, Executor starter) {
    this.round = round;
    this.starter = starter;
  }

  /** Completes, on a {@code starter} thread, once a round that started after this call has completed. */
  CompletableFuture<Void> join() {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    synchronized (this) {
      if (inFlight) {
        if (next == null) {
          next = new ArrayList<>();
        }
        next.add(mine);
        return mine;
      }
      inFlight = true;
    }
    run(List.of(mine));
    return mine;
  }

  private void run(List<CompletableFuture<Void>> callers) {
    CompletableFuture<Void> r;
    try {
      r = round.get();
    } catch (RuntimeException | Error e) { // an Error too: else inFlight stays set and every later caller waits in vain
      r = CompletableFuture.failedFuture(e);
    }
    r.whenComplete((v, e) -> {
      try {
        starter.execute(() -> finished(callers, e));
      } catch (RuntimeException rejected) {
        stop(callers);
      }
    });
  }

  /** On {@code starter}: starts the next round, then completes this round's callers. */
  private void finished(List<CompletableFuture<Void>> callers, Throwable error) {
    List<CompletableFuture<Void>> following;
    synchronized (this) {
      following = next;
      next = null;
      inFlight = following != null;
    }
    if (following != null) {
      run(following);
    }
    for (int from = CALLERS_PER_THREAD; from < callers.size(); from += CALLERS_PER_THREAD) {
      List<CompletableFuture<Void>> group = callers.subList(from, Math.min(callers.size(), from + CALLERS_PER_THREAD));
      try {
        starter.execute(() -> complete(group, error));
      } catch (RuntimeException rejected) {
        complete(group, error);
      }
    }
    complete(callers.subList(0, Math.min(callers.size(), CALLERS_PER_THREAD)), error);
  }

  private static void complete(List<CompletableFuture<Void>> callers, Throwable error) {
    for (CompletableFuture<Void> c : callers) {
      if (error == null) {
        c.complete(null);
      } else {
        c.completeExceptionally(error);
      }
    }
  }

  /** {@code starter} refused work (the node is closing): this round's and the next round's callers fail. */
  private void stop(List<CompletableFuture<Void>> callers) {
    List<CompletableFuture<Void>> later;
    synchronized (this) {
      later = next;
      next = null;
      inFlight = false;
    }
    RaftException.Stopped stopped = new RaftException.Stopped("node closed");
    complete(callers, stopped);
    if (later != null) {
      complete(later, stopped);
    }
  }
}
