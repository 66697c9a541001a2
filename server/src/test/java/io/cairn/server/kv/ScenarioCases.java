package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Runs catalog scenarios against each selected target and checks their substring expectations. */
final class ScenarioCases {
  /** For {@code @MethodSource}: the targets selected with {@code -Dkv.targets}. */
  static final String TARGETS = "io.cairn.server.kv.ScenarioCases#targets";

  private ScenarioCases() {}

  static Stream<TargetKind> targets() {
    return TargetKind.selected().stream();
  }

  /** Every (target, scenario) pair, target by target. */
  static Stream<Arguments> perTarget(List<Scenario> scenarios) {
    return TargetKind.selected().stream().flatMap(kind -> scenarios.stream().map(s -> Arguments.of(kind, s)));
  }

  /** Runs {@code scenario} on the pool's shared server, or on a fresh one if it needs an empty store. */
  static void check(TargetPool pool, TargetKind kind, Scenario scenario) {
    if (scenario.freshStore()) {
      try (KvTarget target = TargetPool.fresh(kind, scenario.options())) {
        verify(ScenarioRunner.run(target, scenario));
      }
    } else {
      verify(ScenarioRunner.run(pool.shared(kind, scenario.options()), scenario));
    }
  }

  static void verify(Transcript transcript) {
    assertThat(transcript.problems())
        .as("'%s' against %s; transcript:%n%s", transcript.scenario(), transcript.target(), transcript.render())
        .isEmpty();
  }
}
