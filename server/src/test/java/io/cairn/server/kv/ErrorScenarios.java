package io.cairn.server.kv;

import java.util.List;

/**
 * Requests the server must refuse with etcd's error: an empty key, revisions in the future, and
 * (on a server started with {@link #LIMITS}) too many txn operations and an oversized request.
 */
final class ErrorScenarios {
  private ErrorScenarios() {}

  static final ServerOptions LIMITS = ServerOptions.DEFAULTS.withMaxTxnOps(4).withMaxRequestBytes(4096);

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("an empty key is not provided").source(Sources.HOW_CHECKED)
              .run("put", "", "v").error("etcdserver: key is not provided")
              .run("get", "").error("etcdserver: key is not provided")
              .run("del", "").error("etcdserver: key is not provided")
              .build(),
          Scenario.shared("revisions in the future").source(Sources.SERVER_ERRORS)
              .run("get", "err/key", "--rev", "{rev+100}")
              .error("etcdserver: mvcc: required revision is a future revision")
              .run("compact", "{rev+100}").error("etcdserver: mvcc: required revision is a future revision")
              .build(),
          Scenario.shared("a txn with more operations than --max-txn-ops").source(Sources.HOW_CHECKED).options(LIMITS)
              .run("txn")
              .stdin(TxnScenarios.input(List.of(), List.of("put ops/1 a", "put ops/2 b", "put ops/3 c", "put ops/4 d"), List.of()))
              .out("SUCCESS", "OK", "OK", "OK", "OK")
              .run("txn")
              .stdin(TxnScenarios.input(
                  List.of(), List.of("put ops/1 a", "put ops/2 b", "put ops/3 c", "put ops/4 d", "put ops/5 e"), List.of()))
              .error("etcdserver: too many operations in txn request")
              .run("get", "ops/5").empty()
              .build(),
          Scenario.shared("a request larger than --max-request-bytes").source(Sources.HOW_CHECKED).options(LIMITS)
              .run("put", "size/small", "x".repeat(1000)).out("OK")
              .run("put", "size/big", "x".repeat(5000)).error("etcdserver: request is too large")
              .run("get", "size/big").empty()
              .build());
}
