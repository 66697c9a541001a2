package io.cairn.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadBarriersTest {
  /** Rounds started so far; each is completed by the test. */
  private final List<CompletableFuture<Void>> rounds = new ArrayList<>();

  private final ReadBarriers barriers = new ReadBarriers(this::startRound, Runnable::run);

  /** Starts a round that the test completes, and records it. */
  private CompletableFuture<Void> startRound() {
    CompletableFuture<Void> r = new CompletableFuture<>();
    synchronized (rounds) {
      rounds.add(r);
    }
    return r;
  }

  private CompletableFuture<Void> round(int i) {
    synchronized (rounds) {
      return rounds.get(i);
    }
  }

  private int started() {
    synchronized (rounds) {
      return rounds.size();
    }
  }

  @Test
  void aCallerArrivingDuringARoundWaitsForTheNextOne() {
    CompletableFuture<Void> first = barriers.join();
    assertThat(started()).isEqualTo(1);
    CompletableFuture<Void> late = barriers.join();
    assertThat(started()).as("no second round while one is in flight").isEqualTo(1);

    round(0).complete(null);
    assertThat(first).isCompleted();
    assertThat(late).as("the in-flight round fixed its read index before this caller came").isNotDone();
    assertThat(started()).as("the next round starts when the previous ends").isEqualTo(2);

    round(1).complete(null);
    assertThat(late).isCompleted();
    assertThat(barriers.join()).isNotDone();
    assertThat(started()).as("idle again: a new caller starts a round at once").isEqualTo(3);
  }

  @Test
  void callersThatArriveDuringOneRoundShareTheNext() {
    barriers.join();
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      waiting.add(barriers.join());
    }
    round(0).complete(null);
    round(1).complete(null);
    assertThat(waiting).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(started()).isEqualTo(2);
  }

  @Test
  void aFailedRoundFailsOnlyItsCallersAndTheNextRoundStillRuns() {
    CompletableFuture<Void> first = barriers.join();
    CompletableFuture<Void> second = barriers.join();
    RaftException.NoLeader noLeader = new RaftException.NoLeader("no leader");
    round(0).completeExceptionally(noLeader);
    assertThat(first).isCompletedExceptionally();
    assertThat(first.handle((v, e) -> e instanceof CompletionException c ? c.getCause() : e).join())
        .isSameAs(noLeader);
    assertThat(second).isNotDone();
    round(1).complete(null);
    assertThat(second).isCompleted();
  }

  @Test
  void aCallerGivingUpDoesNotAffectTheOthers() {
    CompletableFuture<Void> a = barriers.join();
    CompletableFuture<Void> b = barriers.join();
    CompletableFuture<Void> c = barriers.join();
    b.completeExceptionally(new RaftException.Timeout("deadline"));
    round(0).complete(null);
    round(1).complete(null);
    assertThat(a).isCompleted();
    assertThat(c).isCompleted();
    assertThat(b).isCompletedExceptionally();
  }

  @Test
  void theFollowingRoundStartsAndCallersCompleteOnTheStarterNotOnTheThreadThatCompletedTheRound() {
    List<Runnable> queued = new ArrayList<>();
    ReadBarriers deferred = new ReadBarriers(this::startRound, queued::add);
    CompletableFuture<Void> first = deferred.join();
    CompletableFuture<Void> late = deferred.join();
    round(0).complete(null);
    assertThat(started()).as("not started inside the completing thread").isEqualTo(1);
    assertThat(first).as("not completed inside the completing thread").isNotDone();
    assertThat(queued).hasSize(1);
    queued.removeFirst().run();
    assertThat(started()).isEqualTo(2);
    assertThat(first).isCompleted();
    round(1).complete(null);
    assertThat(late).isNotDone();
    queued.removeFirst().run();
    assertThat(late).isCompleted();
  }

  @Test
  void aRoundsCallersAreCompletedInGroupsEachOnItsOwnStarterTask() {
    List<Runnable> queued = new ArrayList<>();
    ReadBarriers deferred = new ReadBarriers(this::startRound, queued::add);
    deferred.join();
    List<CompletableFuture<Void>> callers = new ArrayList<>();
    int n = 2 * ReadBarriers.CALLERS_PER_THREAD + 3;
    for (int i = 0; i < n; i++) {
      callers.add(deferred.join());
    }
    round(0).complete(null);
    queued.removeFirst().run(); // round 0's callback: starts round 1
    round(1).complete(null);
    queued.removeFirst().run(); // round 1's callback: the first group here, two more groups queued
    assertThat(callers.stream().filter(CompletableFuture::isDone)).hasSize(ReadBarriers.CALLERS_PER_THREAD);
    assertThat(queued).hasSize(2);
    queued.removeFirst().run();
    assertThat(callers.stream().filter(CompletableFuture::isDone)).hasSize(2 * ReadBarriers.CALLERS_PER_THREAD);
    queued.removeFirst().run();
    assertThat(callers).allSatisfy(c -> assertThat(c).isCompleted());
  }

  @Test
  void aClosedStarterFailsTheWaitingCallersAndLeavesNoneStuck() {
    ReadBarriers closed =
        new ReadBarriers(
            this::startRound,
            task -> {
              throw new java.util.concurrent.RejectedExecutionException("closed");
            });
    closed.join();
    CompletableFuture<Void> late = closed.join();
    round(0).complete(null);
    assertThat(late).isCompletedExceptionally();
    closed.join();
    assertThat(started()).as("a later caller starts a round again").isEqualTo(2);
  }

  @Test
  void aRoundThatThrowsFailsItsCallers() {
    ReadBarriers throwing =
        new ReadBarriers(
            () -> {
              throw new IllegalStateException("closed");
            },
            Runnable::run);
    assertThat(throwing.join()).isCompletedExceptionally();
    assertThat(throwing.join()).as("not stuck in flight after a throw").isCompletedExceptionally();
  }

  @Test
  void concurrentCallersAllCompleteAndEachRoundStartedAfterTheirArrival() throws Exception {
    AtomicInteger startedRounds = new AtomicInteger();
    ExecutorService roundRunner = Executors.newSingleThreadExecutor();
    ReadBarriers real =
        new ReadBarriers(
            () -> {
              startedRounds.incrementAndGet();
              return CompletableFuture.runAsync(() -> {}, roundRunner).thenApply(v -> null);
            },
            Runnable::run);
    int threads = 8;
    int perThread = 500;
    CountDownLatch done = new CountDownLatch(threads);
    AtomicInteger violations = new AtomicInteger();
    try (ExecutorService callers = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        callers.execute(
            () -> {
              for (int i = 0; i < perThread; i++) {
                int before = startedRounds.get();
                real.join().join();
                if (startedRounds.get() <= before) {
                  violations.incrementAndGet();
                }
              }
              done.countDown();
            });
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      roundRunner.shutdownNow();
    }
    assertThat(violations).as("a caller completed by a round started before it arrived").hasValue(0);
    assertThat(startedRounds.get()).isLessThanOrEqualTo(threads * perThread);
  }
}
