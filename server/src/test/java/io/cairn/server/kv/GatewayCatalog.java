package io.cairn.server.kv;

import java.util.List;
import java.util.stream.Stream;

/** Every deterministic JSON gateway scenario: the ones the gateway differential check runs. */
final class GatewayCatalog {
  private GatewayCatalog() {}

  /** Scenarios both etcd and cairn must answer alike (the differential check runs these). */
  static List<GatewayScenario> common() {
    return Stream.of(
            GatewayKvScenarios.ALL,
            GatewayWatchLeaseScenarios.ALL,
            GatewayClusterScenarios.ALL,
            GatewayBadInputScenarios.ALL,
            GatewayAuthElectionScenarios.AUTH,
            GatewayAuthElectionScenarios.ELECTION,
            GatewayAuthElectionScenarios.LOCK_ELECTION)
        .flatMap(List::stream)
        .toList();
  }
}
