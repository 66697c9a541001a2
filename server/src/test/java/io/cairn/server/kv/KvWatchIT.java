package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real etcdctl against each target: watch over history ({@link WatchScenarios}), plus a watch
 * started before the writes it must report.
 */
class KvWatchIT {
  private static final TargetPool POOL = new TargetPool();
  private static final String MARKER = "live/ready";

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return ScenarioCases.perTarget(WatchScenarios.ALL);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void meetsEtcdsExpectations(TargetKind target, Scenario scenario) {
    ScenarioCases.check(POOL, target, scenario);
  }

  @ParameterizedTest(name = "[{0}] a running watch receives later puts and deletes in order")
  @MethodSource(ScenarioCases.TARGETS)
  void runningWatchReceivesLaterWrites(TargetKind target) {
    Etcdctl etcdctl = POOL.shared(target, ServerOptions.DEFAULTS).etcdctl();
    try (EtcdctlStream watch = etcdctl.stream(Invocation.of("watch", "live/", "--prefix"))) {
      // etcdctl prints nothing when the watch is created: it is in place once it reports a marker write
      Poll.until(
          "the watch reporting a marker write",
          Duration.ofSeconds(15),
          () -> {
            etcdctl.run("put", MARKER, "x");
            return watch.awaitStdout(lines -> lines.contains(MARKER), Duration.ofMillis(500));
          },
          seen -> seen);

      assertThat(etcdctl.run("put", "live/a", "1").stdout()).containsExactly("OK");
      assertThat(etcdctl.run("put", "live/b", "2").stdout()).containsExactly("OK");
      assertThat(etcdctl.run("del", "live/a").stdout()).containsExactly("1");
      assertThat(etcdctl.run("put", "live/b", "3").stdout()).containsExactly("OK");

      List<String> expected = List.of("PUT", "live/a", "1", "PUT", "live/b", "2", "DELETE", "live/a", "", "PUT", "live/b", "3");
      boolean all = watch.awaitStdout(lines -> afterMarkers(lines).size() >= expected.size(), Duration.ofSeconds(15));
      assertThat(all).as("all events printed; %s", watch).isTrue();
      assertThat(afterMarkers(watch.stdout())).as("events after the markers").isEqualTo(expected);
      assertThat(watch.isAlive()).as("the watch is still running").isTrue();
    }
  }

  /** Output after the last marker event (PUT, key, value): all marker writes precede the real ones. */
  private static List<String> afterMarkers(List<String> lines) {
    int key = lines.lastIndexOf(MARKER);
    return key < 0 || key + 2 > lines.size() ? List.of() : lines.subList(key + 2, lines.size());
  }
}
