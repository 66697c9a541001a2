package io.cairn.raft;

import static io.cairn.raft.TestStateMachine.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower learns that an entry is committed when the leader commits it, not at the leader's next
 * heartbeat ({@link PromptCommitRpc}). Ratis 3.3's own appender would tell it only with the next
 * heartbeat: here half the minimum election timeout, 5 s after the append that carried the entry,
 * so every step below would wait out its bound. The bound (2 s) is far above the few milliseconds
 * the prompt append takes, so a slow machine does not fail the test.
 */
class CommitPropagationTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void followersApplyEachCommitBeforeTheNextHeartbeat() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 3, p -> {
      // Heartbeats every 5 s; the first election keeps TestCluster's short timeouts.
      RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(2 * HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS));
      RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(4 * HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS));
    })) {
      c.startGroup("g");
      String leader = c.awaitLeader("g");
      RaftGroupHandle lh = c.handle(leader, "g");
      for (int i = 0; i < 5; i++) {
        lh.propose(put("k" + i, "v" + i)).get(10, TimeUnit.SECONDS); // the leader applied it
        long index = c.sm(leader, "g").appliedIndex();
        for (String f : c.followers("g", leader)) {
          TestStateMachine sm = c.sm(f, "g");
          await("follower " + f + " applies index " + index)
              .atMost(HEARTBEAT.dividedBy(5).multipliedBy(2))
              .until(() -> sm.appliedIndex() >= index);
          assertThat(sm.get("k" + i)).isEqualTo("v" + i);
        }
      }
      assertThat(c.awaitLeader("g")).as("no election meanwhile").isEqualTo(leader);
    }
  }
}
