package io.cairn.raft;

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
 * <p><b>Concurrency.</b> {@link #join} is thread-safe. The state (whether a round is in flight,
 * the future for the next round) is guarded by {@code this}; rounds are started outside the lock
 * because a round may complete synchronously. A failed round fails exactly the callers it served;
 * the next round is started regardless. A round completes on a Ratis thread, inside Ratis' locks,
 * and starting a round there deadlocks (the submission waits for a lock its caller holds), so the
 * next round is started on {@code starter}.
 *
 * <p>Each caller gets its own future (a copy of the round's), so a caller that times out or is
 * cancelled does not affect the others.
 */
final class ReadBarriers {
  private final Supplier<CompletableFuture<Void>> round;
  private final Executor starter;
  private boolean inFlight;
  private CompletableFuture<Void> next;

  /**
   * @param round starts one read barrier round
   * @param starter runs the start of a round that follows another (never a Ratis thread)
   */
  ReadBarriers(Supplier<CompletableFuture<Void>> round, Executor starter) {
    this.round = round;
    this.starter = starter;
  }

  /** Completes once a read barrier round that started after this call has completed. */
  CompletableFuture<Void> join() {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    synchronized (this) {
      if (inFlight) {
        if (next == null) {
          next = new CompletableFuture<>();
        }
        return next.copy();
      }
      inFlight = true;
    }
    run(mine);
    return mine.copy();
  }

  private void run(CompletableFuture<Void> waiters) {
    CompletableFuture<Void> r;
    try {
      r = round.get();
    } catch (RuntimeException e) {
      r = CompletableFuture.failedFuture(e);
    }
    r.whenComplete((v, e) -> finished(waiters, e));
  }

  private void finished(CompletableFuture<Void> waiters, Throwable error) {
    if (error == null) {
      waiters.complete(null);
    } else {
      waiters.completeExceptionally(error);
    }
    CompletableFuture<Void> following;
    synchronized (this) {
      following = next;
      next = null;
      inFlight = following != null;
    }
    if (following != null) {
      try {
        starter.execute(() -> run(following));
      } catch (RuntimeException rejected) {
        CompletableFuture<Void> later;
        synchronized (this) {
          later = next;
          next = null;
          inFlight = false;
        }
        RaftException.Stopped stopped = new RaftException.Stopped("node closed");
        following.completeExceptionally(stopped);
        if (later != null) {
          later.completeExceptionally(stopped);
        }
      }
    }
  }
}
