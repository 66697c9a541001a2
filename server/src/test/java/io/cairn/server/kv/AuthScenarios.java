package io.cairn.server.kv;

import java.util.List;

/**
 * Users, roles and auth (etcd's ctl_v3_role_test, ctl_v3_user_test, ctl_v3_auth_test). Each starts
 * from a fresh server: enabling auth changes what every later command needs.
 */
final class AuthScenarios {
  private AuthScenarios() {}

  private static final String ROOT = "--user=root:rootpw";
  private static final String TEST_USER = "--user=test-user:pw";

  static final List<Scenario> ALL =
      List.of(
          Scenario.fresh("auth: roles are added, granted permissions, read, revoked and deleted").source(Sources.AUTH)
              .run("role", "add", "test-role").out("Role test-role created")
              .run("role", "add", "test-role").error("etcdserver: role name already exists")
              .run("role", "grant-permission", "test-role", "read", "foo").out("Role test-role updated")
              .run("role", "grant-permission", "test-role", "write", "foo").out("Role test-role updated")
              .run("role", "grant-permission", "test-role", "readwrite", "bar/", "--prefix").out("Role test-role updated")
              .run("role", "grant-permission", "test-role", "read", "a", "c").out("Role test-role updated")
              .run("role", "grant-permission", "test-role", "123", "foo").error("invalid permission type")
              // a grant for the same key and range end replaces the earlier one's type (read foo → write foo)
              .run("role", "get", "test-role")
              .out("Role test-role", "KV Read:", "[a, c)", "(prefix bar/)", "KV Write:", "(prefix bar/)", "foo")
              .run("role", "list").out("test-role")
              .run("role", "revoke-permission", "test-role", "foo").out("Permission of key foo is revoked from role test-role")
              .run("role", "revoke-permission", "test-role", "a", "c")
              .out("Permission of range [a, c) is revoked from role test-role")
              .run("role", "revoke-permission", "test-role", "nosuch")
              .error("etcdserver: permission is not granted to the role")
              .run("role", "get", "test-role").out("Role test-role", "KV Read:", "KV Write:", "(prefix bar/)").absent("foo", "[a, c)")
              .run("role", "delete", "test-role").out("Role test-role deleted")
              .run("role", "delete", "test-role").error("etcdserver: role name not found")
              .run("role", "get", "test-role").error("etcdserver: role name not found")
              .build(),
          Scenario.fresh("auth: users are added, granted roles, given passwords and deleted").source(Sources.AUTH)
              .run("user", "add", "usertest:password").out("User usertest created")
              .run("user", "add", ":password").error("empty user name is not allowed")
              .run("user", "add", "usertest:other").error("etcdserver: user name already exists")
              .run("user", "add", "username", "--interactive=false").stdin("secret\n").out("User username created")
              .run("user", "list").out("username", "usertest")
              .run("user", "get", "usertest").out("User: usertest", "Roles:")
              .run("user", "grant-role", "usertest", "nosuch").error("etcdserver: role name not found")
              .run("role", "add", "r1").out("Role r1 created")
              .run("user", "grant-role", "usertest", "r1").out("Role r1 is granted to user usertest")
              .run("user", "get", "usertest").out("User: usertest", "Roles: r1")
              .run("user", "revoke-role", "usertest", "r1").out("Role r1 is revoked from user usertest")
              .run("user", "revoke-role", "usertest", "r1").error("etcdserver: role is not granted to the user")
              .run("user", "passwd", "username", "--interactive=false").stdin("newsecret\n").out("Password updated")
              .run("user", "delete", "username").out("User username deleted")
              .run("user", "delete", "username").error("etcdserver: user name not found")
              .run("user", "get", "username").error("etcdserver: user name not found")
              .build(),
          enabled("auth: enabled, users are held to their roles' permissions, disabled", ServerOptions.DEFAULTS),
          enabled("auth with JWT tokens (RS256): enabled, users are held to their roles' permissions, disabled",
              ServerOptions.DEFAULTS.withJwt("RS256")),
          enabled("auth with JWT tokens (ES256): enabled, users are held to their roles' permissions, disabled",
              ServerOptions.DEFAULTS.withJwt("ES256")),
          enabled("auth with JWT tokens (HS256): enabled, users are held to their roles' permissions, disabled",
              ServerOptions.DEFAULTS.withJwt("HS256")));

  /** Auth enabled, a user held to a role's permissions, auth disabled; with the given token kind. */
  private static Scenario enabled(String name, ServerOptions options) {
    return Scenario.fresh(name).source(Sources.AUTH).options(options)
        .run("user", "add", "root:rootpw").out("User root created")
        .run("auth", "enable").out("Authentication Enabled")
        .run("put", "foo", "bar").error("etcdserver: user name is empty")
        .run(ROOT, "put", "foo", "bar").out("OK")
        .run(ROOT, "user", "add", "test-user:pw").out("User test-user created")
        .run(ROOT, "role", "add", "test-role").out("Role test-role created")
        .run(ROOT, "role", "grant-permission", "test-role", "readwrite", "foo").out("Role test-role updated")
        .run(ROOT, "role", "grant-permission", "test-role", "read", "pub/", "--prefix").out("Role test-role updated")
        .run(ROOT, "user", "grant-role", "test-user", "test-role").out("Role test-role is granted to user test-user")
        .run(TEST_USER, "put", "foo", "v2").out("OK")
        .run(TEST_USER, "get", "foo").out("foo", "v2")
        .run(TEST_USER, "put", "other", "v").error("etcdserver: permission denied")
        .run(TEST_USER, "get", "other").error("etcdserver: permission denied")
        .run(TEST_USER, "get", "pub/", "--prefix").empty()
        .run(TEST_USER, "put", "pub/a", "v").error("etcdserver: permission denied")
        .run(TEST_USER, "del", "foo", "--prev-kv").out("1", "foo", "v2")
        .run(TEST_USER, "txn", "--interactive=false")
        .stdin(TxnScenarios.input(List.of("value(\"foo\") = \"x\""), List.of("put foo y"), List.of("put other w")))
        .error("etcdserver: permission denied")
        .run("--user=test-user:bad", "get", "foo")
        .error("etcdserver: authentication failed, invalid user ID or password")
        .run(TEST_USER, "role", "get", "root").error("etcdserver: permission denied")
        .run(TEST_USER, "role", "get", "test-role").out("Role test-role", "KV Read:", "foo")
        .run(TEST_USER, "user", "get", "test-user").out("User: test-user", "Roles: test-role")
        .run(TEST_USER, "user", "list").error("etcdserver: permission denied")
        .run(TEST_USER, "watch", "other").error("watch is canceled by the server")
        .run(ROOT, "role", "delete", "root").error("etcdserver: invalid auth management")
        .run(ROOT, "user", "revoke-role", "root", "root").error("etcdserver: invalid auth management")
        .run(ROOT, "user", "delete", "root").error("etcdserver: invalid auth management")
        .run(TEST_USER, "auth", "disable").error("etcdserver: permission denied")
        .run(ROOT, "auth", "disable").out("Authentication Disabled")
        .run("put", "other", "v").out("OK")
        .run("get", "other").out("other", "v")
        .build();
  }
}
