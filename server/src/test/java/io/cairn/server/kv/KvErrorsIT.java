package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real etcdctl against each target: requests refused with etcd's errors ({@link ErrorScenarios}),
 * and the NOSPACE alarm of a small backend quota with the recovery etcd's alarm e2e test performs.
 */
class KvErrorsIT {
  private static final TargetPool POOL = new TargetPool();
  /** etcd's alarm e2e test quota: 13 pages. */
  static final long QUOTA_BYTES = 13 * 4096;
  static final String SPACE_EXCEEDED = "etcdserver: mvcc: database space exceeded";

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return ScenarioCases.perTarget(ErrorScenarios.ALL);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void meetsEtcdsExpectations(TargetKind target, Scenario scenario) {
    ScenarioCases.check(POOL, target, scenario);
  }

  @ParameterizedTest(name = "[{0}] a full backend raises NOSPACE; compact, defrag and disarm recover")
  @MethodSource(ScenarioCases.TARGETS)
  void nospaceAlarmAndRecovery(TargetKind target) throws Exception {
    try (KvTarget server = TargetPool.fresh(target, ServerOptions.DEFAULTS.withQuotaBackendBytes(QUOTA_BYTES))) {
      Etcdctl etcdctl = server.etcdctl();
      String value = "x".repeat(8000);
      EtcdctlResult refused = null;
      for (int i = 0; i < 200 && refused == null; i++) {
        EtcdctlResult put = etcdctl.run("put", "quota/key", value);
        if (!put.ok()) {
          refused = put;
        }
      }
      assertThat(refused).as("a put refused within 200 puts of 8000 bytes under a %d-byte quota", QUOTA_BYTES).isNotNull();
      assertThat(refused.messages()).as("%s", refused).contains("Error: " + SPACE_EXCEEDED);

      EtcdctlResult alarms = etcdctl.run("alarm", "list");
      assertThat(alarms.stdout()).as("%s", alarms).singleElement().asString().matches("memberID:\\d+ alarm:NOSPACE ?");
      assertThat(health(server)).isEqualTo("{\"health\":\"false\"}");
      assertThat(etcdctl.run("put", "quota/other", "v").messages()).contains("Error: " + SPACE_EXCEEDED);

      long revision = ScenarioRunner.currentRevision(etcdctl);
      assertThat(etcdctl.run("compact", Long.toString(revision)).stdout()).containsExactly("compacted revision " + revision);
      assertThat(etcdctl.run("defrag").stdout())
          .containsExactly("Finished defragmenting etcd member[" + server.clientUrl() + "]");
      if (target == TargetKind.CAIRN) {
        // Issue 3 asks cairn to do better than etcd here: once compaction has freed room the alarm
        // clears itself, so there is nothing left to disarm.
        assertThat(etcdctl.run("alarm", "list").stdout()).isEmpty();
        assertThat(etcdctl.run("alarm", "disarm").stdout()).isEmpty();
      } else {
        assertThat(etcdctl.run("alarm", "disarm").stdout()).singleElement().asString().contains("alarm:NOSPACE");
      }

      assertThat(etcdctl.run("put", "quota/other", "v").stdout()).containsExactly("OK");
      assertThat(etcdctl.run("alarm", "list").stdout()).isEmpty();
      assertThat(health(server)).isEqualTo("{\"health\":\"true\"}");
    }
  }

  /** The body of the HTTP {@code /health} endpoint on the client URL. */
  private static String health(KvTarget server) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(server.clientUrl() + "/health")).timeout(Duration.ofSeconds(10)).build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body().strip();
    }
  }
}
