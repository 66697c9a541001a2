package io.cairn.raft;

import static io.cairn.raft.GroupBehaviourTest.get;
import static io.cairn.raft.GroupBehaviourTest.str;
import static io.cairn.raft.TestStateMachine.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three members: the leader dies, a new one takes over, the old one comes back. */
class FailoverTest {
  @TempDir Path dir;

  @Test
  void newLeaderTakesOverAndNothingAcknowledgedIsLost() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 3)) {
      c.startGroup("g");
      String leader = c.awaitLeader("g");
      Map<String, String> acknowledged = new TreeMap<>();

      // Concurrent proposals through a follower: forwarded to the leader, applied locally on return.
      String follower = c.followers("g", leader).getFirst();
      RaftGroupHandle fh = c.handle(follower, "g");
      List<CompletableFuture<byte[]>> inFlight =
          java.util.stream.IntStream.range(0, 20)
              .mapToObj(i -> fh.propose(put("before" + i, "x" + i)))
              .toList();
      for (int i = 0; i < inFlight.size(); i++) {
        assertThat(str(get(inFlight.get(i)))).isEmpty();
        assertThat(c.sm(follower, "g").get("before" + i)).isEqualTo("x" + i);
        acknowledged.put("before" + i, "x" + i);
      }

      c.stop(leader);
      String next = c.awaitLeader("g");
      assertThat(next).isNotEqualTo(leader);

      for (String id : c.runningIds()) {
        for (int i = 0; i < 5; i++) {
          get(c.handle(id, "g").propose(put("after-" + id + i, "y")));
          acknowledged.put("after-" + id + i, "y");
        }
      }
      c.awaitConverged("g", acknowledged);

      c.restart(leader);
      c.awaitConverged("g", acknowledged);
      // The old leader is a working member again: its proposals go through.
      get(c.handle(leader, "g").propose(put("back", leader)));
      acknowledged.put("back", leader);
      c.awaitConverged("g", acknowledged);
      assertThat(c.node(next).metrics().leaderChangesSeen()).isGreaterThanOrEqualTo(2);
    }
  }
}
