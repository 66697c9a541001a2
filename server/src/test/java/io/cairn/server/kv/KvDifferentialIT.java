package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The differential check: every deterministic scenario ({@link Catalog}) runs against real etcd and
 * against a candidate, and the normalized transcripts must be identical, so etcd's own answer is the
 * expected output. The candidate is cairn when {@code -Dkv.targets} selects it, and a second,
 * independent etcd when it selects etcd: that run proves the normalizer hides only what legitimately
 * differs between two correct servers. Both normalized transcripts of every pair are written under
 * {@code server/target/kv-transcripts/} for reading and diffing.
 */
class KvDifferentialIT {
  private static final TargetPool POOL = new TargetPool();

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> pairs() {
    List<Scenario> scenarios = Catalog.all();
    return TargetKind.selected().stream().flatMap(kind -> scenarios.stream().map(s -> Arguments.of(kind, s)));
  }

  @ParameterizedTest(name = "[etcd vs {0}] {1}")
  @MethodSource("pairs")
  void printsWhatEtcdPrints(TargetKind candidate, Scenario scenario) {
    if (scenario.freshStore()) {
      try (KvTarget other = TargetPool.fresh(candidate, scenario.options());
          KvTarget etcd = TargetPool.fresh(TargetKind.ETCD, scenario.options())) {
        compare(etcd, other, scenario);
      }
    } else {
      // the candidate first, so that a candidate that cannot start fails before etcd is started for it
      KvTarget other = POOL.shared("candidate", candidate, scenario.options());
      KvTarget etcd = POOL.shared("reference for " + candidate, TargetKind.ETCD, scenario.options());
      compare(etcd, other, scenario);
    }
  }

  private static void compare(KvTarget etcd, KvTarget candidate, Scenario scenario) {
    Transcript expected = ScenarioRunner.run(etcd, scenario);
    assertThat(expected.problems())
        .as("the reference etcd itself misses the scenario's expectations, so the scenario is wrong:%n%s",
            expected.render())
        .isEmpty();
    Transcript actual = ScenarioRunner.run(candidate, scenario);
    String want = expected.normalized();
    String got = actual.normalized();
    TranscriptFiles.write(candidate.kind(), scenario, want, got);
    if (!want.equals(got)) {
      throw new AssertionFailedError(
          candidate + " printed something else than " + etcd + " for '" + scenario + "'\n"
              + firstDifference(want, got) + "\n\n--- etcd (normalized) ---\n" + want
              + "\n--- " + candidate + " (normalized) ---\n" + got,
          want,
          got);
    }
  }

  private static String firstDifference(String want, String got) {
    List<String> a = want.lines().toList();
    List<String> b = got.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "<end of output>";
      String y = i < b.size() ? b.get(i) : "<end of output>";
      if (!x.equals(y)) {
        return "first difference at line " + (i + 1) + ":\n  etcd:      " + x + "\n  candidate: " + y;
      }
    }
    return "";
  }
}
