package io.cairn.server.kv;

import static io.cairn.server.kv.GatewayScenario.b64;
import static io.cairn.server.kv.GatewayScenario.json;

import java.util.List;

/** Cluster and maintenance calls, GET /health and /version, and the /v3beta prefix of etcd 3.4. */
final class GatewayClusterScenarios {
  private GatewayClusterScenarios() {}

  static final List<GatewayScenario> ALL =
      List.of(
          GatewayScenario.shared("cluster member list")
              .post("/v3/cluster/member/list", "{}")
              .body("{\"header\":{\"cluster_id\":\"", "\"members\":[{\"ID\":\"", "\"name\":\"" + KvTarget.MEMBER_NAME
                  + "\",\"peerURLs\":[\"{peerUrl}\"],\"clientURLs\":[\"{endpoint}\"]}]}")
              .build(),
          GatewayScenario.shared("maintenance status, hash and hashkv")
              .post("/v3/maintenance/status", "{}")
              .body("\"version\":\"3.4.23\",\"dbSize\":\"", "\"leader\":\"", "\"raftIndex\":\"", "\"raftTerm\":\"",
                  "\"raftAppliedIndex\":\"", "\"dbSizeInUse\":\"")
              .post("/v3/maintenance/hash", "{}")
              .body("\"hash\":")
              // etcd 3.4 maps HashKV to /v3/maintenance/hash as well, where Hash answers: hashkv is no route
              .post("/v3/maintenance/hashkv", "{}")
              .status(404).type("text/plain").body("Not Found")
              .build(),
          GatewayScenario.shared("maintenance alarm list and disarm, defragment")
              .post("/v3/maintenance/alarm", "{}")
              .absent("alarms", "error")
              .post("/v3/maintenance/alarm", "{\"action\":\"GET\"}")
              .absent("alarms", "error")
              .post("/v3/maintenance/alarm", "{\"action\":\"DEACTIVATE\",\"memberID\":1,\"alarm\":\"NOSPACE\"}")
              .absent("alarms", "error")
              .post("/v3/maintenance/defragment", "{}")
              .absent("error")
              .build(),
          GatewayScenario.shared("GET /health and /version")
              .get("/health")
              .type("text/plain").body("{\"health\":\"true\"}")
              .get("/version")
              .type("application/json").body("{\"etcdserver\":\"3.4.23\",\"etcdcluster\":\"3.4.0\"}")
              .build(),
          GatewayScenario.shared("the /v3beta prefix serves the same API; /v3alpha is gone in 3.4")
              .post("/v3beta/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-beta/k", "v"))
              .body("\"revision\":\"")
              .post("/v3beta/kv/range", json("{\"key\":\"%s\"}", "gw-beta/k"))
              .body("\"value\":\"" + b64("v") + "\"")
              .post("/v3beta/kv/txn", json("{\"compare\":[{\"key\":\"%s\",\"result\":\"EQUAL\",\"target\":\"VALUE\","
                  + "\"value\":\"%s\"}],\"success\":[{\"request_delete_range\":{\"key\":\"%s\"}}]}", "gw-beta/k", "v", "gw-beta/k"))
              .body("\"succeeded\":true,\"responses\":[{\"response_delete_range\":{\"header\":{\"revision\":\"",
                  "\"deleted\":\"1\"}}]}")
              .stream(2, "/v3beta/watch", json("{\"create_request\":{\"key\":\"%s\",\"start_revision\":{rev+1}}}", "gw-beta/k"))
              .body("\"created\":true}}", "\"events\":[{\"kv\":{")
              .post("/v3beta/kv/deleterange", json("{\"key\":\"%s\"}", "gw-beta/k"))
              .absent("\"deleted\"")
              .post("/v3beta/cluster/member/list", "{}")
              .body("\"members\":[{\"ID\":\"")
              .post("/v3beta/maintenance/status", "{}")
              .body("\"version\":\"3.4.23\"")
              .post("/v3beta/lease/timetolive", "{\"ID\":424242}")
              .body("\"ID\":\"424242\",\"TTL\":\"-1\"}")
              .post("/v3alpha/kv/range", json("{\"key\":\"%s\"}", "gw-beta/k"))
              .status(404).type("text/plain").body("404 page not found")
              .build());
}
