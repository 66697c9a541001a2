package io.cairn.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The highest log index applied on this member, and futures waiting for it to reach an index.
 *
 * <p>Written by the group's apply thread only ({@link #advance}); read and awaited from any thread.
 * Waiters are completed on the apply thread, so they must only hop to another executor.
 */
final class AppliedIndex {
  private volatile long value;
  private final TreeMap<Long, List<CompletableFuture<Void>>> waiters = new TreeMap<>();
  private Throwable failure;

  AppliedIndex(long initial) {
    this.value = initial;
  }

  long get() {
    return value;
  }

  /** Sets the applied index (it may jump forward after a snapshot install). */
  void advance(long index) {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    synchronized (this) {
      if (index <= value) {
        return;
      }
      value = index;
      Map<Long, List<CompletableFuture<Void>>> ready = waiters.headMap(index, true);
      ready.values().forEach(done::addAll);
      ready.clear();
    }
    done.forEach(f -> f.complete(null));
  }

  /** Completes once the applied index is at least {@code index}. */
  CompletableFuture<Void> await(long index) {
    synchronized (this) {
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      if (value >= index) {
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> f = new CompletableFuture<>();
      waiters.computeIfAbsent(index, k -> new ArrayList<>()).add(f);
      return f;
    }
  }

  /** Fails every current and future waiter (the group stopped). */
  void fail(Throwable t) {
    List<CompletableFuture<Void>> all = new ArrayList<>();
    synchronized (this) {
      failure = t;
      waiters.values().forEach(all::addAll);
      waiters.clear();
    }
    all.forEach(f -> f.completeExceptionally(t));
  }
}
