package io.cairn.raft;

import static io.cairn.raft.GroupBehaviourTest.get;
import static io.cairn.raft.TestStateMachine.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several groups on the same nodes are independent. */
class MultiGroupTest {
  @TempDir Path dir;

  @Test
  void twoGroupsOnTheSameNodesWorkIndependently() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 3)) {
      c.startGroup("alpha");
      c.startGroup("beta");
      String alphaLeader = c.awaitLeader("alpha");
      String betaLeader = c.awaitLeader("beta");

      get(c.handle(alphaLeader, "alpha").propose(put("a", "1")));
      get(c.handle(betaLeader, "beta").propose(put("b", "2")));
      c.awaitConverged("alpha", Map.of("a", "1"));
      c.awaitConverged("beta", Map.of("b", "2"));

      // Stopping one group on a node leaves the other group there untouched.
      String node = c.followers("alpha", alphaLeader).getFirst();
      c.node(node).stopGroup("alpha");
      get(c.handle(node, "beta").propose(put("b2", "3")));
      get(c.handle(alphaLeader, "alpha").propose(put("a2", "4")));
      assertThat(c.sm(node, "alpha").data()).isEqualTo(Map.of("a", "1"));
      for (String id : c.runningIds()) {
        get(c.handle(id, "beta").readBarrier());
        assertThat(c.sm(id, "beta").data()).isEqualTo(Map.of("b", "2", "b2", "3"));
      }
      // A group's ID comes from its name only.
      assertThat(Peers.groupId("alpha")).isEqualTo(Peers.groupId("alpha")).isNotEqualTo(Peers.groupId("beta"));

      // Started again from its stored data, the group catches up.
      c.startGroupOn(node, "alpha", java.util.List.of(), false);
      c.awaitConverged("alpha", Map.of("a", "1", "a2", "4"));
    }
  }
}
