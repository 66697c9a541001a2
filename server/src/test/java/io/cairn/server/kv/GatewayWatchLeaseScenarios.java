package io.cairn.server.kv;

import static io.cairn.server.kv.GatewayScenario.b64;
import static io.cairn.server.kv.GatewayScenario.json;

import java.util.List;

/** POST /v3/watch over history, and the lease calls of v3_curl_lease_test through the JSON gateway. */
final class GatewayWatchLeaseScenarios {
  private GatewayWatchLeaseScenarios() {}

  static final List<GatewayScenario> ALL =
      List.of(
          GatewayScenario.shared("watch from a start revision streams the history (v3_curl_test)")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-watch/k", "bar"))
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-watch/k", "baz"))
              .post("/v3/kv/deleterange", json("{\"key\":\"%s\"}", "gw-watch/k"))
              .stream(2, "/v3/watch", json("{\"create_request\":{\"key\":\"%s\",\"start_revision\":{rev+1}}}", "gw-watch/k"))
              .body("{\"result\":{\"header\":", "\"created\":true}}",
                  "{\"result\":{\"header\":", "\"events\":[{\"kv\":{", "\"value\":\"" + b64("bar") + "\"",
                  "\"value\":\"" + b64("baz") + "\"", "{\"type\":\"DELETE\",\"kv\":{")
              .stream(2, "/v3/watch", json("{\"create_request\":{\"key\":\"%s\",\"range_end\":\"%s\","
                  + "\"start_revision\":{rev+1},\"filters\":[\"NOPUT\"],\"prev_kv\":true}}", "gw-watch/", "gw-watch0"))
              .body("\"created\":true}}", "\"events\":[{\"type\":\"DELETE\",", "\"prev_kv\":{",
                  "\"value\":\"" + b64("baz") + "\"")
              .absent(b64("bar"))
              .build(),
          GatewayScenario.fresh("lease grant, timetolive, leases, keepalive and revoke (v3_curl_lease_test)")
              .post("/v3/lease/grant", "{\"TTL\":20}")
              .body("\"ID\":\"", "\"TTL\":\"20\"").capture("lease", "\"ID\":\"(\\d+)\"")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\",\"lease\":{lease}}", "foo", "bar"))
              .body("\"revision\":\"2\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\"}", "foo"))
              .body("\"lease\":\"{lease}\"")
              .post("/v3/lease/timetolive", "{\"ID\":{lease}}")
              .body("\"ID\":\"{lease}\"", "\"grantedTTL\":\"20\"").absent("\"keys\"")
              .post("/v3/kv/lease/timetolive", "{\"ID\":{lease},\"keys\":true}")
              .body("\"ID\":\"{lease}\"", "\"grantedTTL\":\"20\",\"keys\":[\"" + b64("foo") + "\"]")
              .post("/v3/lease/leases", "{}")
              .body("\"leases\":[{\"ID\":\"{lease}\"}]")
              .post("/v3/kv/lease/leases", "{}")
              .body("\"leases\":[{\"ID\":\"{lease}\"}]")
              .stream(1, "/v3/lease/keepalive", "{\"ID\":{lease}}")
              .body("{\"result\":{\"header\":", "\"ID\":\"{lease}\",\"TTL\":\"20\"}}")
              .post("/v3/lease/revoke", "{\"ID\":{lease}}")
              .body("\"revision\":\"3\"")
              .post("/v3/kv/lease/revoke", "{\"ID\":{lease}}")
              .error(404, 5, "etcdserver: requested lease not found")
              .post("/v3/lease/revoke", "{\"ID\":{lease}}")
              .error(404, 5, "etcdserver: requested lease not found")
              .post("/v3/lease/timetolive", "{\"ID\":{lease}}")
              .body("\"ID\":\"{lease}\",\"TTL\":\"-1\"}").absent("grantedTTL")
              .post("/v3/kv/range", json("{\"key\":\"%s\"}", "foo"))
              .absent("\"kvs\"")
              .post("/v3/lease/leases", "{}")
              .absent("\"ID\"")
              .stream(1, "/v3/lease/keepalive", "{\"ID\":{lease}}")
              .body("{\"result\":{\"header\":", "\"ID\":\"{lease}\"}}").absent("\"TTL\"")
              .build(),
          GatewayScenario.fresh("lease grant with a chosen ID, twice; a TTL below the minimum")
              .post("/v3/lease/grant", "{\"TTL\":30,\"ID\":1234}")
              .body("\"ID\":\"1234\",\"TTL\":\"30\"")
              .post("/v3/lease/grant", "{\"TTL\":30,\"ID\":1234}")
              .error(412, 9, "etcdserver: lease already exists")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\",\"lease\":\"99\"}", "foo", "bar"))
              .error(404, 5, "etcdserver: requested lease not found")
              // etcd raises a TTL below its minimum (1.5 election timeouts, 2 s by default) to the minimum
              .post("/v3/lease/grant", "{\"TTL\":1,\"ID\":1235}")
              .body("\"ID\":\"1235\",\"TTL\":\"2\"")
              .post("/v3/lease/revoke", "{\"ID\":1235}")
              .post("/v3/lease/revoke", "{\"ID\":1234}")
              .build());
}
