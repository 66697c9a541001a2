package io.cairn.raft;

import static io.cairn.raft.TestStateMachine.put;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour every group must have, whether it has one member or three. */
class GroupBehaviourTest {
  @TempDir Path dir;

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(15, TimeUnit.SECONDS);
  }

  static String str(byte[] b) {
    return new String(b, UTF_8);
  }

  @ParameterizedTest(name = "{0} member(s)")
  @ValueSource(ints = {1, 3})
  void proposalsReturnApplyRepliesAndEveryMemberSeesThem(int size) throws Exception {
    try (TestCluster c = TestCluster.of(dir, size)) {
      c.startGroup("g");
      String leader = c.awaitLeader("g");
      RaftGroupHandle lh = c.handle(leader, "g");

      assertThat(str(get(lh.propose(put("a", "1"))))).isEmpty();
      assertThat(str(get(lh.propose(put("a", "2"))))).isEqualTo("1");
      assertThat(str(get(lh.propose("get a".getBytes(UTF_8))))).isEqualTo("2");

      Map<String, String> expected = new TreeMap<>(Map.of("a", "2"));
      for (String id : c.runningIds()) {
        RaftGroupHandle h = c.handle(id, "g");
        get(h.readBarrier());
        assertThat(c.sm(id, "g").get("a")).as("after read barrier on %s", id).isEqualTo("2");
        // Proposed on a follower it is forwarded; either way it is applied here on completion.
        assertThat(str(get(h.propose(put("from-" + id, id))))).isEmpty();
        assertThat(c.sm(id, "g").get("from-" + id)).isEqualTo(id);
        expected.put("from-" + id, id);
      }
      c.awaitConverged("g", expected);

      // Leadership facts, asserted against a fresh view (a loaded machine may re-elect meanwhile).
      await().atMost(TestCluster.WAIT).untilAsserted(() -> {
        String now = c.awaitLeader("g");
        for (String id : c.runningIds()) {
          RaftGroupHandle h = c.handle(id, "g");
          assertThat(h.memberId()).isEqualTo(id);
          assertThat(h.isLeader()).isEqualTo(id.equals(now));
          assertThat(h.leader()).contains(c.member(now));
          assertThat(h.term()).isPositive();
          assertThat(h.commitIndex()).isGreaterThanOrEqualTo(h.appliedIndex());
          assertThat(h.appliedIndex()).isGreaterThanOrEqualTo(c.sm(id, "g").appliedIndex());
          assertThat(h.members()).containsExactlyElementsOf(c.members(c.runningIds().toArray(String[]::new)));
        }
        assertThat(c.sm(now, "g").lastLeaderSeen()).contains(c.member(now));
      });
      assertThat(c.node(leader).metrics().proposalsApplied()).isGreaterThanOrEqualTo(3 + size);
      assertThat(c.node(leader).metrics().leaderChangesSeen()).isPositive();
      assertThat(c.node(leader).metrics().proposalsPending()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} member(s)")
  @ValueSource(ints = {1, 3})
  void restartKeepsStateAndReappliesNothing(int size) throws Exception {
    try (TestCluster c = TestCluster.of(dir, size)) {
      c.startGroup("g");
      RaftGroupHandle lh = c.handle(c.awaitLeader("g"), "g");
      Map<String, String> expected = new TreeMap<>();
      for (int i = 0; i < 10; i++) {
        get(lh.propose(put("k" + i, "v" + i)));
        expected.put("k" + i, "v" + i);
      }
      c.awaitConverged("g", expected);
      Map<String, Long> appliedBefore = new HashMap<>();
      for (String id : c.runningIds()) {
        // The others may elect a new leader meanwhile (its first entry is applied as a no-op).
        c.stop(id);
        appliedBefore.put(id, c.sm(id, "g").appliedIndex());
      }
      for (String id : appliedBefore.keySet()) {
        c.restart(id);
        assertThat(c.sm(id, "g").appliedIndex()).as("persisted applied index of %s", id)
            .isEqualTo(appliedBefore.get(id));
        assertThat(c.sm(id, "g").data()).isEqualTo(expected);
      }

      RaftGroupHandle h = c.handle(c.awaitLeader("g"), "g");
      get(h.propose(put("after", "restart")));
      expected.put("after", "restart");
      c.awaitConverged("g", expected);
      for (String id : c.runningIds()) {
        // Only the new entry was applied by the restarted state machine; the old ones were skipped.
        assertThat(c.sm(id, "g").applies()).as("applies on %s after restart", id).isEqualTo(1);
        assertThat(c.sm(id, "g").appliedIndexes().getFirst()).isGreaterThan(appliedBefore.get(id));
      }
    }
  }
}
