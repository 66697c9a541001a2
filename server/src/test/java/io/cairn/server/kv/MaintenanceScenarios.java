package io.cairn.server.kv;

import java.util.List;

/** member list, endpoint health / status / hashkv, defrag, alarm list and snapshot save. */
final class MaintenanceScenarios {
  private MaintenanceScenarios() {}

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("member list, simple and json").source(Sources.MANUAL_MEMBER_LIST)
              .run("member", "list").out(", started, " + KvTarget.MEMBER_NAME + ", {peerUrl}, {endpoint}, false")
              .run("member", "list", "-w", "json")
              .out("\"members\":[{\"ID\":", "\"name\":\"" + KvTarget.MEMBER_NAME + "\"", "\"peerURLs\":[\"{peerUrl}\"]")
              .build(),
          Scenario.shared("endpoint health, status and hashkv").source(Sources.CLUSTER).hashVaries()
              .run("endpoint", "health").err("{endpoint} is healthy: successfully committed proposal: took = ")
              .run("endpoint", "status").out("{endpoint}, ")
              .run("endpoint", "status", "-w", "json").out("[{\"Endpoint\":\"{endpoint}\",\"Status\":{\"header\":")
              .run("endpoint", "hashkv").out("{endpoint}, ")
              .run("endpoint", "hashkv", "-w", "json").out("[{\"Endpoint\":\"{endpoint}\",\"HashKV\":{\"header\":")
              .build(),
          Scenario.shared("defrag and alarm list").source(Sources.MANUAL_DEFRAG)
              .run("defrag").out("Finished defragmenting etcd member[{endpoint}]")
              .run("alarm", "list").empty()
              .build(),
          Scenario.shared("snapshot save").source(Sources.MANUAL_SNAPSHOT_SAVE)
              .run("put", "snap/k", "v").out("OK")
              .run("snapshot", "save", "scenario-snapshot.db").out("Snapshot saved at scenario-snapshot.db")
              .build());
}
