package io.cairn.server.kv;

import static io.cairn.server.kv.GatewayScenario.b64;
import static io.cairn.server.kv.GatewayScenario.json;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Requests the gateway refuses, each with an error body, after which the server keeps serving (every
 * scenario ends with a put and a range that must work).
 */
final class GatewayBadInputScenarios {
  /** The --max-request-bytes of the oversized-body scenario. */
  static final long MAX_REQUEST_BYTES = 10_000;

  private GatewayBadInputScenarios() {}

  static final List<GatewayScenario> ALL =
      List.of(
          GatewayScenario.shared("malformed JSON")
              .post("/v3/kv/put", "{\"key\":\"" + b64("gw-bad-json/k") + "\",")
              .decoderError(400, 3)
              .post("/v3/kv/put", "not json")
              .decoderError(400, 3)
              .post("/v3/kv/range", "[1,2]")
              .decoderError(400, 3)
              .post("/v3/kv/put", "{\"key\":\"!!!\",\"value\":\"" + b64("v") + "\"}")
              .decoderError(400, 3)
              .post("/v3/kv/put", "{\"key\":\"" + b64("gw-bad-json/k") + "\",\"lease\":\"twelve\"}")
              .decoderError(400, 3)
              .then(stillServing("gw-bad-json/k"))
              .build(),
          GatewayScenario.shared("empty key")
              .post("/v3/kv/put", json("{\"key\":\"\",\"value\":\"%s\"}", "v"))
              .error(400, 3, "etcdserver: key is not provided")
              .post("/v3/kv/put", "")
              .error(400, 3, "etcdserver: key is not provided")
              .post("/v3/kv/range", "{\"key\":\"\"}")
              .error(400, 3, "etcdserver: key is not provided")
              .post("/v3/kv/deleterange", "{}")
              .error(400, 3, "etcdserver: key is not provided")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\",\"ignore_value\":true}", "gw-bad-empty/k", "v"))
              .error(400, 3, "etcdserver: value is provided")
              .then(stillServing("gw-bad-empty/k"))
              .build(),
          GatewayScenario.shared("unknown fields are ignored")
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\",\"bogus\":1,\"nested\":{\"x\":[]}}",
                  "gw-bad-unknown/k", "v"))
              .body("\"revision\":\"")
              .post("/v3/kv/range", json("{\"key\":\"%s\",\"bogus\":\"x\"}", "gw-bad-unknown/k"))
              .body("\"value\":\"" + b64("v") + "\"")
              .build(),
          GatewayScenario.shared("wrong HTTP method")
              .get("/v3/kv/put")
              .status(405).type("text/plain").body("Method Not Allowed")
              .send("PUT", "/v3/kv/range", json("{\"key\":\"%s\"}", "gw-bad-method/k"))
              .status(405).type("text/plain").body("Method Not Allowed")
              .send("DELETE", "/v3/kv/deleterange", "")
              .status(405).type("text/plain").body("Method Not Allowed")
              .post("/health", "{}")
              .status(405).type("text/plain").body("Method Not Allowed")
              .post("/version", "{}")
              .status(405).type("text/plain").body("Method Not Allowed")
              .then(stillServing("gw-bad-method/k"))
              .build(),
          GatewayScenario.shared("unknown path")
              .post("/v3/kv/nothing", "{}")
              .status(404).type("text/plain").body("Not Found")
              .get("/v3/nothing")
              .status(404).type("text/plain").body("Not Found")
              .post("/nothing", "{}")
              .status(404).type("text/plain").body("404 page not found")
              .get("/nothing")
              .status(404).type("text/plain").body("404 page not found")
              .then(stillServing("gw-bad-path/k"))
              .build(),
          GatewayScenario.fresh("a body over --max-request-bytes")
              .options(ServerOptions.DEFAULTS.withMaxRequestBytes(MAX_REQUEST_BYTES))
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "big", "x".repeat(20_000)))
              .error(400, 3, "etcdserver: request is too large")
              // past gRPC's own limit (--max-request-bytes + 512 KiB) the message is refused before etcd sees it
              .post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", "big", "x".repeat(700_000)))
              .status(429).body("{\"error\":\"grpc: received message larger than max (", "\"code\":8}")
              .then(stillServing("after-big"))
              .build());

  /** A put and a range of {@code key} that must work: the server keeps serving after refusing requests. */
  private static UnaryOperator<GatewayScenario.Builder> stillServing(String key) {
    return b -> b.post("/v3/kv/put", json("{\"key\":\"%s\",\"value\":\"%s\"}", key, "still-serving"))
        .body("\"revision\":\"")
        .post("/v3/kv/range", json("{\"key\":\"%s\"}", key))
        .body("\"value\":\"" + b64("still-serving") + "\"");
  }
}
