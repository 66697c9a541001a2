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
            GatewayAuthElectionScenarios.AUTH)
        .flatMap(List::stream)
        .toList();
  }

  /**
   * What a target must answer: the common scenarios plus, for etcd, the election calls of etcd's own
   * tests, and for cairn, that it reports those as not implemented yet.
   */
  static List<GatewayScenario> forTarget(TargetKind kind) {
    List<GatewayScenario> extra =
        kind == TargetKind.CAIRN ? GatewayAuthElectionScenarios.CAIRN : GatewayAuthElectionScenarios.ELECTION;
    return Stream.concat(common().stream(), extra.stream()).toList();
  }
}
