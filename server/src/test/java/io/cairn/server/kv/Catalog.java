package io.cairn.server.kv;

import java.util.List;
import java.util.stream.Stream;

/** Every deterministic scenario: the ones the differential check runs against etcd and a candidate. */
final class Catalog {
  private Catalog() {}

  static List<Scenario> all() {
    return Stream.of(
            KvScenarios.ALL,
            DeleteScenarios.ALL,
            TxnScenarios.ALL,
            CompactionScenarios.ALL,
            LeaseScenarios.ALL,
            WatchScenarios.ALL,
            MaintenanceScenarios.ALL,
            ErrorScenarios.ALL,
            AuthScenarios.ALL,
            TlsScenarios.ALL,
            LockElectionScenarios.ALL)
        .flatMap(List::stream)
        .toList();
  }
}
