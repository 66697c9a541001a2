package io.cairn.raft;

import static io.cairn.raft.GroupBehaviourTest.get;
import static io.cairn.raft.TestStateMachine.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.ratis.util.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automatic snapshots, log compaction, and catching up by snapshot. */
class SnapshotTest {
  private static final String VALUE = "v".repeat(100);

  @TempDir Path dir;

  @Test
  void laggingFollowerCatchesUpByInstallingTheLeadersSnapshot() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 3, Duration.ofSeconds(5), 20)) {
      c.startGroup("g");
      String leader = c.awaitLeader("g");
      String follower = c.followers("g", leader).getFirst();
      RaftGroupHandle lh = c.handle(leader, "g");
      get(lh.propose(put("first", "1")));
      Map<String, String> expected = new TreeMap<>(Map.of("first", "1"));
      c.awaitConverged("g", expected);
      c.stop(follower);

      for (int i = 0; i < 100; i++) {
        get(lh.propose(put("k" + i, VALUE)));
        expected.put("k" + i, VALUE);
      }
      // The leader snapshotted and compacted its log past what the follower has.
      await().atMost(TestCluster.WAIT).until(() -> snapshotDirs(c, leader) > 0);

      c.restart(follower);
      // The restarted member waits out an election timeout, and the leader's appender retries a
      // member it lost with a backoff before it sends the snapshot; CI's loaded cores once took
      // longer than 20 s for that.
      c.awaitConverged("g", expected, TestCluster.WAIT.multipliedBy(3));
      assertThat(c.sm(follower, "g").installs()).isPositive();
      assertThat(c.node(follower).metrics().snapshotsInstalled()).isPositive();
      // Entries after the snapshot still arrive through the log.
      get(c.handle(follower, "g").propose(put("last", "2")));
      expected.put("last", "2");
      c.awaitConverged("g", expected);
    }
  }

  @Test
  void lostStateMachineIsRebuiltFromTheLocalSnapshotAndLog() throws Exception {
    try (TestCluster c = TestCluster.of(dir, 1, Duration.ofSeconds(5), 1_000)) {
      c.startGroup("g");
      RaftGroupHandle h = c.handle(c.awaitLeader("g"), "g");
      Map<String, String> expected = new TreeMap<>();
      for (int i = 0; i < 10; i++) {
        get(h.propose(put("k" + i, "v" + i)));
        expected.put("k" + i, "v" + i);
      }
      long snapshotIndex = get(h.takeSnapshot());
      assertThat(snapshotIndex).isGreaterThanOrEqualTo(c.sm("n1", "g").appliedIndex());
      get(h.propose(put("after-snapshot", "x")));
      expected.put("after-snapshot", "x");

      c.stop("n1");
      FileUtils.deleteFully(dir.resolve("n1").resolve("sm"));
      c.restart("n1");
      // Installed from the snapshot at start-up, then the newer entry replayed from the log.
      assertThat(c.sm("n1", "g").installs()).isEqualTo(1);
      await().atMost(TestCluster.WAIT).until(() -> c.sm("n1", "g").data().equals(expected));
      assertThat(c.sm("n1", "g").applies()).isEqualTo(1);
    }
  }

  private static long snapshotDirs(TestCluster c, String id) throws Exception {
    try (Stream<Path> s = Files.walk(c.raftDir(id))) {
      return s.filter(p -> p.getFileName().toString().startsWith("snapshot.")).count();
    }
  }
}
