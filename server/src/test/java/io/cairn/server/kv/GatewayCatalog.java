package io.cairn.server.kv;

import java.util.List;
import java.util.stream.Stream;

/** Every deterministic JSON gateway scenario: the ones the gateway differential check runs. */
final class GatewayCatalog {
  private GatewayCatalog() {}

  static List<GatewayScenario> all() {
    return Stream.of(
            GatewayKvScenarios.ALL,
            GatewayWatchLeaseScenarios.ALL,
            GatewayClusterScenarios.ALL,
            GatewayBadInputScenarios.ALL,
            GatewayAuthElectionScenarios.ALL)
        .flatMap(List::stream)
        .toList();
  }
}
