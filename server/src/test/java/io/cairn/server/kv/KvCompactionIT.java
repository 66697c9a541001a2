package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real etcdctl against each target: compaction, each on a fresh store ({@link CompactionScenarios}),
 * and periodic auto-compaction ({@code --auto-compaction-retention}).
 */
class KvCompactionIT {
  private static final TargetPool POOL = new TargetPool();

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return ScenarioCases.perTarget(CompactionScenarios.ALL);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void meetsEtcdsExpectations(TargetKind target, Scenario scenario) {
    ScenarioCases.check(POOL, target, scenario);
  }

  @ParameterizedTest(name = "[{0}] --auto-compaction-retention 2s compacts old revisions")
  @MethodSource(ScenarioCases.TARGETS)
  void autoCompactionCompactsOldRevisions(TargetKind target) {
    try (KvTarget server = TargetPool.fresh(target, ServerOptions.DEFAULTS.withAutoCompactionRetention("2s"))) {
      Etcdctl etcdctl = server.etcdctl();
      assertThat(etcdctl.run("put", "key", "first").stdout()).containsExactly("OK");
      assertThat(etcdctl.run("get", "key", "--rev", "2").stdout()).containsExactly("key", "first");
      // the periodic compactor compacts to a revision at least the retention old: keep writing until rev 2 is gone
      EtcdctlResult compacted =
          Poll.until(
              "revision 2 being auto-compacted",
              Duration.ofSeconds(30),
              () -> {
                etcdctl.run("put", "key", "later");
                return etcdctl.run("get", "key", "--rev", "2");
              },
              r -> !r.ok());
      assertThat(compacted.messages()).contains("Error: etcdserver: mvcc: required revision has been compacted");
      assertThat(etcdctl.run("get", "key").stdout()).containsExactly("key", "later");
    }
  }
}
