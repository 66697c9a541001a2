package io.cairn.server.kv;

import java.util.List;

/**
 * The client port over TLS with client certificates required ({@code --cert-file}, {@code
 * --key-file}, {@code --trusted-ca-file}, {@code --client-cert-auth}; certificates from {@link
 * TlsFiles}), and etcd's login by a client certificate's CN once auth is enabled. etcdctl shows the
 * certificate with CN root unless a step names another with {@code --cert}/{@code --key}.
 */
final class TlsScenarios {
  private TlsScenarios() {}

  private static final ServerOptions TLS = ServerOptions.DEFAULTS.withTls();
  private static final String ALICE_CERT = "--cert={tls}/alice.pem";
  private static final String ALICE_KEY = "--key={tls}/alice-key.pem";

  static final List<Scenario> ALL =
      List.of(
          Scenario.shared("tls: put, get, txn and watch over https with a client certificate")
              .source(Sources.MANUAL_GLOBAL_FLAGS).options(TLS)
              .run("put", "tls/a", "1").out("OK")
              .run("put", "tls/b", "2", "--prev-kv").out("OK")
              .run("get", "tls/", "--prefix").out("tls/a", "1", "tls/b", "2")
              .run("txn", "--interactive=false")
              .stdin(TxnScenarios.input(List.of("value(\"tls/a\") = \"1\""), List.of("put tls/c 3"), List.of()))
              .out("SUCCESS", "OK")
              .stream(2, "watch", "tls/a", "--rev={rev+1}").out("PUT", "tls/a")
              .run("endpoint", "health").err("is healthy")
              .run("endpoint", "status").out("{endpoint}")
              .build(),
          // etcdctl refuses empty --cert/--key, so a client with no certificate at all is KvTlsIT's curl case
          Scenario.shared("tls: a certificate the server does not trust, or a server the client does not trust, fails")
              .source(Sources.MANUAL_GLOBAL_FLAGS).options(TLS)
              .run("--cert={tls}/stranger.pem", "--key={tls}/stranger-key.pem", "--dial-timeout=1s", "get", "tls/a")
              .error("context deadline exceeded")
              .run("--cacert={tls}/stranger.pem", "--dial-timeout=1s", "get", "tls/a").error("context deadline exceeded")
              .build(),
          Scenario.fresh("tls: with auth enabled, a request without a token acts as its certificate's CN")
              .source(Sources.MANUAL_GLOBAL_FLAGS).options(TLS)
              .run("user", "add", "root:rootpw").out("User root created")
              .run("auth", "enable").out("Authentication Enabled")
              // the certificate's CN is root: no --user needed, admin calls included
              .run("put", "foo", "bar").out("OK")
              .run("user", "list").out("root")
              // alice is no user yet
              .run(ALICE_CERT, ALICE_KEY, "get", "foo").error("etcdserver: permission denied")
              // etcd's admin check names the missing user instead (IsAdminPermitted)
              .run(ALICE_CERT, ALICE_KEY, "user", "list").error("etcdserver: user name not found")
              .run("user", "add", "alice:alicepw").out("User alice created")
              .run("role", "add", "foo-rw").out("Role foo-rw created")
              .run("role", "grant-permission", "foo-rw", "readwrite", "foo").out("Role foo-rw updated")
              .run("user", "grant-role", "alice", "foo-rw").out("Role foo-rw is granted to user alice")
              .run(ALICE_CERT, ALICE_KEY, "put", "foo", "by-alice").out("OK")
              .run(ALICE_CERT, ALICE_KEY, "get", "foo").out("foo", "by-alice")
              .run(ALICE_CERT, ALICE_KEY, "put", "other", "x").error("etcdserver: permission denied")
              .run(ALICE_CERT, ALICE_KEY, "user", "list").error("etcdserver: permission denied")
              // a token wins over the certificate: alice's password with root's certificate is alice
              .run("--user=alice:alicepw", "put", "other", "x").error("etcdserver: permission denied")
              .run("--user=alice:wrong", "get", "foo")
              .error("etcdserver: authentication failed, invalid user ID or password")
              .run("auth", "disable").out("Authentication Disabled")
              .run(ALICE_CERT, ALICE_KEY, "put", "other", "x").out("OK")
              .build());
}
