package io.cairn.server.kv;

import static io.cairn.server.kv.GatewayScenario.b64;
import static io.cairn.server.kv.GatewayScenario.json;

import java.util.List;

/** POST /v3/kv/put, range, deleterange, txn and compaction through the JSON gateway. */
final class GatewayKvScenarios {
  private GatewayKvScenarios() {}

  static final List<GatewayScenario> ALL =
      List.of(
          GatewayScenario.shared("put, then range returns the value (v3_curl_test)")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-put/foo", "bar"))
              .body("{\"header\":{\"cluster_id\":\"", "\"revision\":\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\"}", "gw-put/foo"))
              .body("\"kvs\":[{\"key\":\"" + b64("gw-put/foo") + "\"", "\"value\":\"" + b64("bar") + "\"", "\"count\":\"1\"")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\",\"prev_kv\":true}", "gw-put/foo", "baz"))
              .body("\"prev_kv\":{\"key\":\"" + b64("gw-put/foo") + "\"", "\"value\":\"" + b64("bar") + "\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\"}", "gw-put/foo"))
              .body("\"version\":\"2\",\"value\":\"" + b64("baz") + "\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\"}", "gw-put/none"))
              .absent("\"kvs\"", "\"count\"")
              .build(),
          rangeOptions(),
          GatewayScenario.shared("range beyond the current revision is a future revision")
              .post("/v3/kv/range", json("{\"key\":\"%s\",\"revision\":{rev+1000}}", "gw-future/a"))
              .error(400, 11, "etcdserver: mvcc: required revision is a future revision")
              .build(),
          GatewayScenario.shared("deleterange with prev_kv")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-del/x", "1"))
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-del/y", "2"))
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-del/z", "3"))
              .post("/v3/kv/deleterange", json("{\"key\":\"%s\"}", "gw-del/x"))
              .body("\"deleted\":\"1\"").absent("prev_kvs")
              .post("/v3/kv/deleterange", json("{\"key\":\"%s\",\"range_end\":\"%s\",\"prev_kv\":true}", "gw-del/y", "gw-del0"))
              .body("\"deleted\":\"2\",\"prev_kvs\":[{\"key\":\"" + b64("gw-del/y") + "\"",
                  "\"value\":\"" + b64("2") + "\"},{\"key\":\"" + b64("gw-del/z") + "\"")
              .post("/v3/kv/deleterange", json("{\"key\":\"%s\"}", "gw-del/x"))
              .absent("\"deleted\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\",\"range_end\":\"%s\"}", "gw-del/", "gw-del0"))
              .absent("\"kvs\"")
              .build(),
          GatewayScenario.fresh("txn with the create_revision compare of v3_curl_test, on a fresh store")
              .post("/v3/kv/txn", "{\"compare\":[{\"key\":\"Zm9v\",\"result\":\"EQUAL\",\"target\":\"CREATE\","
                  + "\"createRevision\":\"0\"}],\"success\":[{\"requestPut\":{\"key\":\"Zm9v\",\"value\":\"YmFy\"}}]}")
              .body("\"succeeded\":true,\"responses\":[{\"response_put\":{\"header\":{\"revision\":\"2\"}}}]")
              .post("/v3/kv/txn", "{\"compare\":[{\"key\":\"Zm9v\",\"result\":\"EQUAL\",\"target\":\"CREATE\","
                  + "\"create_revision\":\"0\"}],\"success\":[{\"request_put\":{\"key\":\"Zm9v\",\"value\":\"YmF6\"}}],"
                  + "\"failure\":[{\"request_range\":{\"key\":\"Zm9v\"}}]}")
              .body("\"responses\":[{\"response_range\":{\"header\":{\"revision\":\"2\"},\"kvs\":[{\"key\":\"Zm9v\"",
                  "\"value\":\"YmFy\"")
              .absent("\"succeeded\"")
              .build(),
          GatewayScenario.shared("malformed txn bodies answer with an error (v3_curl_test)")
              // the body etcd's own test sends ("was crashing etcd server"): wrong field names and a null oneof
              .post("/v3/kv/txn", "{\"compare\":[{\"result\":0,\"target\":1,\"key\":\"" + b64("gw-txn/k")
                  + "\",\"TargetUnion\":null}],\"success\":[{\"Request\":{\"RequestPut\":{\"key\":\""
                  + b64("gw-txn/k") + "\",\"value\":\"YmFy\"}}}]}")
              .error(400, 3, "etcdserver: key not found")
              .post("/v3/kv/txn", "{\"compare\":[{\"key\":\"" + b64("gw-txn/k") + "\",\"result\":\"EQUAL\"")
              .decoderError(400, 3)
              .post("/v3/kv/txn", "{\"compare\":\"bogus\"}")
              .decoderError(400, 3)
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-txn/after", "ok"))
              .body("\"revision\":\"")
              .build(),
          GatewayScenario.fresh("compaction, then reads and watches below it")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "foo", "1"))
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "foo", "2"))
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "foo", "3"))
              .post("/v3/kv/compaction", "{\"revision\":{rev+2}}")
              .body("{\"header\":{").absent("error")
              .post("/v3/kv/compaction", "{\"revision\":{rev+2}}")
              .error(400, 11, "etcdserver: mvcc: required revision has been compacted")
              .post("/v3/kv/compaction", "{\"revision\":{rev+100}}")
              .error(400, 11, "etcdserver: mvcc: required revision is a future revision")
              .post("/v3/kv/range", json("{\"key\":\"%s\",\"revision\":{rev+1}}", "foo"))
              .error(400, 11, "etcdserver: mvcc: required revision has been compacted")
              .post("/v3/kv/range", json("{\"key\":\"%s\",\"revision\":{rev+2}}", "foo"))
              .body("\"value\":\"" + b64("2") + "\"")
              .stream(2, "/v3/watch", json("{\"create_request\":{\"key\":\"%s\",\"start_revision\":{rev+1}}}", "foo"))
              .body("{\"result\":{\"header\":", "\"created\":true}}",
                  "{\"result\":{\"header\":", "\"canceled\":true,\"compact_revision\":\"{rev+2}\"}}")
              .post("/v3/kv/compaction", "{\"revision\":{rev+3},\"physical\":true}")
              .body("{\"header\":{").absent("error")
              .build());

  private static GatewayScenario rangeOptions() {
    String all = json("\"key\":\"%s\",\"range_end\":\"%s\"", "gw-range/", "gw-range0");
    String a = "\"key\":\"" + b64("gw-range/a") + "\"";
    String b = "\"key\":\"" + b64("gw-range/b") + "\"";
    String c = "\"key\":\"" + b64("gw-range/c") + "\"";
    return GatewayScenario.shared("range with range_end, limit, revision, sort, keys_only, count_only")
        .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-range/a", "1"))
        .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-range/b", "2"))
        .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-range/c", "3"))
        .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "gw-range/b", "22"))
        .post("/v3/kv/range", "{" + all + "}")
        .body(a, b, c, "\"count\":\"3\"").absent("\"more\"")
        .post("/v3/kv/range", "{" + all + ",\"limit\":1}")
        .body(a, "\"more\":true,\"count\":\"3\"").absent(b)
        .post("/v3/kv/range", "{" + all + ",\"revision\":{rev+2}}")
        .body(a, b, "\"value\":\"" + b64("2") + "\"", "\"count\":\"2\"").absent(c)
        .post("/v3/kv/range", "{" + all + ",\"sort_order\":\"DESCEND\",\"sort_target\":\"KEY\"}")
        .body(c, b, a)
        .post("/v3/kv/range", "{" + all + ",\"sort_order\":\"DESCEND\",\"sort_target\":\"MOD\"}")
        .body(b, c, a)
        .post("/v3/kv/range", "{" + all + ",\"sort_target\":\"VALUE\"}")
        .body(a, b, c)
        .post("/v3/kv/range", "{" + all + ",\"keys_only\":true}")
        .body(a, b, c, "\"count\":\"3\"").absent("\"value\"")
        .post("/v3/kv/range", "{" + all + ",\"count_only\":true}")
        .body("\"count\":\"3\"").absent("\"kvs\"")
        .post("/v3/kv/range", "{" + all + ",\"min_mod_revision\":{rev+3},\"serializable\":true}")
        .body(b, c).absent(a)
        // etcd 3.4 does not check the sort order: a number outside the enum is served unsorted
        .post("/v3/kv/range", "{" + all + ",\"sort_order\":7}")
        .body(a, b, c, "\"count\":\"3\"")
        .post("/v3/kv/range", "{" + all + ",\"sort_order\":\"SIDEWAYS\"}")
        .decoderError(400, 3)
        .build();
  }
}
