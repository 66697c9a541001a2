package io.cairn.raft;

import static io.cairn.raft.GroupBehaviourTest.get;
import static io.cairn.raft.TestStateMachine.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding, removing and updating members; handing over leadership. */
class MembershipTest {
  @TempDir Path dir;

  @Test
  void addJoinRemoveUpdateAndTransfer() throws Exception {
    // A small snapshot interval so the joining member is caught up by snapshot and log.
    try (TestCluster c = TestCluster.of(dir, 3, Duration.ofSeconds(5), 20)) {
      c.startGroup("g");
      String leader = c.awaitLeader("g");
      RaftGroupHandle lh = c.handle(leader, "g");
      Map<String, String> expected = new TreeMap<>();
      for (int i = 0; i < 30; i++) {
        get(lh.propose(put("k" + i, "v" + i)));
        expected.put("k" + i, "v" + i);
      }

      c.startNode("n4");
      c.startGroupOn("n4", "g", c.members("n1", "n2", "n3"), true);
      // Asked on a follower: the change is forwarded to the leader.
      String follower = c.followers("g", leader).getFirst();
      List<RaftMember> after = get(c.handle(follower, "g").addMember(c.member("n4")));
      assertThat(after).containsExactlyElementsOf(c.members("n1", "n2", "n3", "n4"));
      c.awaitConverged("g", expected);
      for (String id : c.runningIds()) {
        await().atMost(TestCluster.WAIT)
            .untilAsserted(() -> assertThat(c.handle(id, "g").members()).hasSize(4));
      }
      // The leader had a snapshot: the new member started from it, then followed the log.
      assertThat(c.sm("n4", "g").installs()).isPositive();
      get(c.handle("n4", "g").propose(put("from-n4", "yes")));
      expected.put("from-n4", "yes");
      c.awaitConverged("g", expected);

      // Hand leadership to the new member, then remove the old leader.
      get(lh.transferLeadership("n4"));
      await().atMost(TestCluster.WAIT).until(() -> c.handle("n4", "g").isLeader());
      assertThat(c.awaitLeader("g")).isEqualTo("n4");
      List<RaftMember> removed = get(c.handle("n4", "g").removeMember(leader));
      assertThat(removed).extracting(RaftMember::id).doesNotContain(leader).hasSize(3);
      for (String id : c.runningIds()) {
        if (!id.equals(leader)) {
          await().atMost(TestCluster.WAIT)
              .untilAsserted(() -> assertThat(c.handle(id, "g").members()).isEqualTo(removed));
        }
      }

      RaftMember moved = new RaftMember("n4", c.member("n4").peerAddress(), "http://new.example:2379");
      List<RaftMember> updated = get(c.handle(follower, "g").updateMember(moved));
      assertThat(updated).contains(moved);
      await().atMost(TestCluster.WAIT)
          .untilAsserted(() -> assertThat(c.handle(follower, "g").members()).contains(moved));
      assertThat(c.handle(follower, "g").leader()).contains(moved);

      get(c.handle(follower, "g").propose(put("end", "1")));
    }
  }
}
