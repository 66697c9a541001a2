package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Runs gateway scenarios against each selected target and checks etcd's answers. */
final class GatewayCases {
  private GatewayCases() {}

  /** Every (target, scenario) pair, target by target. */
  static Stream<Arguments> perTarget(List<GatewayScenario> scenarios) {
    return TargetKind.selected().stream().flatMap(kind -> scenarios.stream().map(s -> Arguments.of(kind, s)));
  }

  /** Every (target, scenario) pair with each target's own scenario list. */
  static Stream<Arguments> perTarget() {
    return TargetKind.selected().stream()
        .flatMap(kind -> GatewayCatalog.common().stream().map(s -> Arguments.of(kind, s)));
  }

  /** Runs {@code scenario} on the pool's shared server, or on a fresh one if it needs an empty store. */
  static void check(TargetPool pool, TargetKind kind, GatewayScenario scenario) {
    if (scenario.freshStore()) {
      try (KvTarget target = TargetPool.fresh(kind, scenario.options())) {
        verify(GatewayRunner.run(target, scenario));
      }
    } else {
      verify(GatewayRunner.run(pool.shared(kind, scenario.options()), scenario));
    }
  }

  static void verify(GatewayTranscript transcript) {
    assertThat(transcript.problems())
        .as("'%s' against %s; transcript:%n%s", transcript.scenario(), transcript.target(), transcript.render())
        .isEmpty();
  }
}
