package io.cairn.server.kv;

import static io.cairn.server.kv.GatewayScenario.b64;
import static io.cairn.server.kv.GatewayScenario.json;

import java.util.List;

/**
 * The election and auth calls of v3_curl_test through the JSON gateway, and the lock and election
 * services' main paths; every one is answered alike by etcd and cairn.
 */
final class GatewayAuthElectionScenarios {
  private GatewayAuthElectionScenarios() {}

  private static final String NO_LEADER = "\\\"leader\\\" field must be provided";

  static final List<GatewayScenario> ELECTION =
      List.of(
          GatewayScenario.shared("election proclaim and resign without a leader (v3_curl_test)")
              .post("/v3/election/proclaim", json("{\"value\":\"%s\"}", "v1"))
              .error(500, 2, NO_LEADER)
              .post("/v3/election/resign", "{}")
              .error(500, 2, NO_LEADER)
              .build());

  static final List<GatewayScenario> AUTH =
      List.of(
          GatewayScenario.fresh("auth: enable, refuse an unauthenticated put, authenticate, put with the token (v3_curl_test)")
              .post("/v3/auth/user/add", "{\"name\":\"root\",\"password\":\"toor\"}")
              .body("\"revision\":\"")
              .post("/v3/auth/role/add", "{\"name\":\"root\"}")
              .body("\"revision\":\"")
              .post("/v3/auth/user/grant", "{\"user\":\"root\",\"role\":\"root\"}")
              .body("\"revision\":\"")
              .post("/v3/auth/enable", "{}")
              .body("\"revision\":\"")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "foo", "bar"))
              .error(400, 3, "etcdserver: user name is empty")
              .post("/v3/auth/authenticate", "{\"name\":\"root\",\"password\":\"bad\"}")
              .error(400, 3, "etcdserver: authentication failed, invalid user ID or password")
              .post("/v3/auth/authenticate", "{\"name\":\"root\",\"password\":\"toor\"}")
              .body("\"token\":\"").capture("token", "\"token\":\"([^\"]+)\"")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "foo", "bar")).authorized("{token}")
              .body("\"revision\":\"2\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\"}", "foo")).authorized("{token}")
              .body("\"value\":\"" + b64("bar") + "\"")
              .post("/v3/auth/disable", "{}").authorized("{token}")
              .body("\"revision\":\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\"}", "foo"))
              .body("\"value\":\"" + b64("bar") + "\"")
              .build());

  private static final String EL = b64("gw-el");
  private static final String LEADER_KEY =
      "{\"name\":\"" + EL + "\",\"key\":\"{key}\",\"rev\":\"3\",\"lease\":\"{lease}\"}";

  /** The lock and election services through the gateway, with etcd's own key layout and errors. */
  static final List<GatewayScenario> LOCK_ELECTION =
      List.of(
          GatewayScenario.fresh("lock: lock with a lease, the waiter key, unlock; errors").source(Sources.ELECTION)
              .post("/v3/lease/grant", "{\"TTL\":30}")
              .capture("lease", "\"ID\":\"(\\d+)\"")
              .post("/v3/lock/lock", json("{\"name\":\"%s\",\"lease\":{lease}}", "gw-lock"))
              .body("\"revision\":\"2\"", "\"key\":\"").capture("key", "\"key\":\"([^\"]+)\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\",\"range_end\":\"%s\"}", "gw-lock/", "gw-lock0"))
              .body("\"key\":\"{key}\"", "\"create_revision\":\"2\"", "\"lease\":\"{lease}\"", "\"count\":\"1\"")
              .post("/v3/lock/unlock", "{\"key\":\"{key}\"}")
              .body("\"revision\":\"3\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\",\"range_end\":\"%s\"}", "gw-lock/", "gw-lock0"))
              .absent("\"kvs\"")
              .post("/v3/lock/unlock", "{}")
              .error(500, 2, "etcdserver: key is not provided")
              .post("/v3/lock/lock", json("{\"name\":\"%s\",\"lease\":\"99\"}", "gw-lock"))
              .error(500, 2, "etcdserver: requested lease not found")
              .build(),
          GatewayScenario.fresh("election: campaign, leader, observe, proclaim, resign; errors").source(Sources.ELECTION)
              .post("/v3/election/leader", json("{\"name\":\"%s\"}", "gw-el"))
              .error(500, 2, "election: no leader")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-el", "not a candidate"))
              .post("/v3/lease/grant", "{\"TTL\":30}")
              .capture("lease", "\"ID\":\"(\\d+)\"")
              .post("/v3/election/campaign", json("{\"name\":\"%s\",\"lease\":{lease},\"value\":\"%s\"}", "gw-el", "a"))
              .body("\"revision\":\"3\"", "\"leader\":{\"name\":\"" + EL + "\",\"key\":\"", "\"rev\":\"3\",\"lease\":\"{lease}\"}")
              .capture("key", "\"key\":\"([^\"]+)\"")
              .post("/v3/election/leader", json("{\"name\":\"%s\"}", "gw-el"))
              .body("\"kv\":{\"key\":\"{key}\"", "\"value\":\"" + b64("a") + "\"")
              .stream(1, "/v3/election/observe", json("{\"name\":\"%s\"}", "gw-el"))
              .body("{\"result\":{\"header\":", "\"kv\":{\"key\":\"{key}\"", "\"value\":\"" + b64("a") + "\"")
              .post("/v3/election/proclaim", "{\"leader\":" + LEADER_KEY + ",\"value\":\"" + b64("b") + "\"}")
              .body("\"revision\":\"4\"")
              .post("/v3/election/leader", json("{\"name\":\"%s\"}", "gw-el"))
              .body("\"mod_revision\":\"4\"", "\"value\":\"" + b64("b") + "\"")
              .post("/v3/election/resign", "{\"leader\":" + LEADER_KEY + "}")
              .body("\"revision\":\"5\"")
              .post("/v3/election/leader", json("{\"name\":\"%s\"}", "gw-el"))
              .error(500, 2, "election: no leader")
              .post("/v3/election/proclaim", "{\"leader\":" + LEADER_KEY + ",\"value\":\"" + b64("c") + "\"}")
              .error(500, 2, "election: not leader")
              .post("/v3/election/resign", "{\"leader\":" + LEADER_KEY + "}")
              .body("\"revision\":\"5\"")
              .build());
}
