package io.cairn.server.kv;

import static io.cairn.server.kv.GatewayScenario.b64;
import static io.cairn.server.kv.GatewayScenario.json;

import java.util.List;

/** The election and auth calls of v3_curl_test through the JSON gateway. */
final class GatewayAuthElectionScenarios {
  private GatewayAuthElectionScenarios() {}

  private static final String NO_LEADER = "\\\"leader\\\" field must be provided";

  static final List<GatewayScenario> ALL =
      List.of(
          GatewayScenario.shared("election proclaim and resign without a leader (v3_curl_test)")
              .post("/v3/election/proclaim", json("{\"value\":\"%s\"}", "v1"))
              .error(500, 2, NO_LEADER)
              .post("/v3/election/resign", "{}")
              .error(500, 2, NO_LEADER)
              .build(),
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
}
