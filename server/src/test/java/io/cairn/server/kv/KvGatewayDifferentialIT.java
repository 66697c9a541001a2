package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The gateway differential check: every scenario of {@link GatewayCatalog} runs with curl against
 * real etcd and against a candidate, and the normalized transcripts (status, media type, body lines)
 * must be identical, so etcd's own answer is the expected one; {@link GatewayNormalizer} says what is
 * normalized and why. The candidate is cairn when {@code -Dkv.targets} selects it, and a second,
 * independent etcd when it selects etcd: that run proves the normalizer hides only what legitimately
 * differs. Both transcripts of every pair land in {@code server/target/kv-transcripts/gateway-etcd-vs-KIND/}.
 */
class KvGatewayDifferentialIT {
  private static final TargetPool POOL = new TargetPool();

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> pairs() {
    return GatewayCases.perTarget(GatewayCatalog.common());
  }

  @ParameterizedTest(name = "[etcd vs {0}] {1}")
  @MethodSource("pairs")
  void answersWhatEtcdAnswers(TargetKind candidate, GatewayScenario scenario) {
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

  private static void compare(KvTarget etcd, KvTarget candidate, GatewayScenario scenario) {
    GatewayTranscript expected = GatewayRunner.run(etcd, scenario);
    assertThat(expected.problems())
        .as("the reference etcd itself misses the scenario's expectations, so the scenario is wrong:%n%s",
            expected.render())
        .isEmpty();
    GatewayTranscript actual = GatewayRunner.run(candidate, scenario);
    String want = expected.normalized();
    String got = actual.normalized();
    write(candidate.kind(), scenario, want, got);
    if (!want.equals(got)) {
      throw new AssertionFailedError(
          candidate + " answered something else than " + etcd + " for '" + scenario + "'\n"
              + firstDifference(want, got) + "\n\n--- etcd (normalized) ---\n" + want
              + "\n--- " + candidate + " (normalized) ---\n" + got,
          want,
          got);
    }
  }

  private static void write(TargetKind candidate, GatewayScenario scenario, String etcd, String other) {
    Path dir = Peers.repoRoot().resolve("server/target/kv-transcripts/gateway-etcd-vs-" + candidate);
    String slug = scenario.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(slug + ".reference-etcd.txt"), etcd);
      Files.writeString(dir.resolve(slug + ".candidate-" + candidate + ".txt"), other);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write transcripts to " + dir, e);
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
