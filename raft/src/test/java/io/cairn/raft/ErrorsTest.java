package io.cairn.raft;

import static io.cairn.raft.GroupBehaviourTest.get;
import static io.cairn.raft.TestStateMachine.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures surface as the typed {@link RaftException}s, in bounded time. */
class ErrorsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  @TempDir Path dir;

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("expected a failure, got " + e, e);
    }
    throw new AssertionError("expected a failure, but it succeeded");
  }

  @Test
  void callsAfterCloseFailWithStopped() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 1, TIMEOUT, 1_000)) {
      c.startGroup("g");
      RaftGroupHandle h = c.handle(c.awaitLeader("g"), "g");
      get(h.propose(put("a", "1")));
      c.stop("n1");
      assertThat(failure(h.propose(put("a", "2")))).isInstanceOf(RaftException.Stopped.class);
      assertThat(failure(h.readBarrier())).isInstanceOf(RaftException.Stopped.class);
      assertThat(h.isLeader()).isFalse();
    }
  }

  @Test
  void withoutQuorumProposalsAndReadsFailInTime() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 3, TIMEOUT, 1_000)) {
      c.startGroup("g");
      String leader = c.awaitLeader("g");
      get(c.handle(leader, "g").propose(put("a", "1")));
      List<String> others = c.followers("g", leader);
      // Keep one follower: it has no leader; its proposals find none.
      String survivor = others.getFirst();
      c.stop(leader);
      c.stop(others.get(1));

      RaftGroupHandle h = c.handle(survivor, "g");
      long start = System.nanoTime();
      Throwable t = failure(h.propose(put("a", "2")));
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(t).isInstanceOfAny(RaftException.NoLeader.class, RaftException.Timeout.class);
      assertThat(tookMs).isBetween(TIMEOUT.toMillis() - 100, TIMEOUT.toMillis() + 3_000);
      assertThat(failure(h.readBarrier()))
          .isInstanceOfAny(RaftException.NoLeader.class, RaftException.Timeout.class);
      assertThat(c.node(survivor).metrics().proposalsFailed()).isPositive();
    }
  }

  @Test
  void isolatedLeaderFailsProposalsInTime() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 3, TIMEOUT, 1_000)) {
      c.startGroup("g");
      String leader = c.awaitLeader("g");
      for (String f : c.followers("g", leader)) {
        c.stop(f);
      }
      Throwable t = failure(c.handle(leader, "g").propose(put("a", "2")));
      assertThat(t).isInstanceOfAny(RaftException.NoLeader.class, RaftException.Timeout.class);
    }
  }

  @Test
  void refusesAStateMachineAheadOfMissingRaftData() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 1, TIMEOUT, 1_000)) {
      TestStateMachine ahead = new TestStateMachine(dir.resolve("elsewhere"));
      ahead.apply(7, 1, put("a", "1"));
      // Its entries up to 7 would be skipped although this node never had them.
      assertThatThrownBy(() -> c.node("n1").startGroup("g", List.of(c.member("n1")), ahead))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("applied index 7");
      assertThatThrownBy(() -> c.node("n1").joinGroup("g", List.of(c.member("n1")), ahead))
          .isInstanceOf(java.io.IOException.class);
      assertThatThrownBy(() -> c.node("n1").startGroup("g", List.of(), new TestStateMachine(dir.resolve("x"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void badMembershipChangesAreRefused() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 1, TIMEOUT, 1_000)) {
      c.startGroup("g");
      RaftGroupHandle h = c.handle(c.awaitLeader("g"), "g");
      assertThat(failure(h.addMember(c.member("n1"))))
          .isInstanceOf(RaftException.BadConfiguration.class);
      assertThat(failure(h.removeMember("nobody")))
          .isInstanceOf(RaftException.BadConfiguration.class);
      assertThat(failure(h.transferLeadership("nobody")))
          .isInstanceOf(RaftException.BadConfiguration.class);
      assertThat(h.members()).containsExactly(c.member("n1"));
      assertThatThrownBy(() -> c.node("n1").startGroup("g", List.of(c.member("n1")), null))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
