package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real etcdctl against each target: member list, endpoint health / status / hashkv, defrag,
 * alarm list and snapshot save ({@link MaintenanceScenarios}).
 */
class KvMaintenanceIT {
  private static final TargetPool POOL = new TargetPool();

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return ScenarioCases.perTarget(MaintenanceScenarios.ALL);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void meetsEtcdsExpectations(TargetKind target, Scenario scenario) {
    ScenarioCases.check(POOL, target, scenario);
  }

  @ParameterizedTest(name = "[{0}] snapshot save writes a non-empty file")
  @MethodSource(ScenarioCases.TARGETS)
  void snapshotSaveWritesTheFile(TargetKind target) {
    KvTarget server = POOL.shared(target, ServerOptions.DEFAULTS);
    EtcdctlResult save = server.etcdctl().run("snapshot", "save", "saved.db");
    assertThat(save.ok()).as("%s", save).isTrue();
    assertThat(save.stdout()).containsExactly("Snapshot saved at saved.db");
    Path file = server.workDir().resolve("saved.db");
    assertThat(file).exists().isNotEmptyFile();
    assertThat(server.workDir().resolve("saved.db.part")).doesNotExist();
  }
}
