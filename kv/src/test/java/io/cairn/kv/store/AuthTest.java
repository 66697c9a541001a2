package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.AuthRoleAddRequest;
import io.etcd.jetcd.api.AuthRoleDeleteRequest;
import io.etcd.jetcd.api.AuthRoleGrantPermissionRequest;
import io.etcd.jetcd.api.AuthRoleRevokePermissionRequest;
import io.etcd.jetcd.api.AuthUserAddRequest;
import io.etcd.jetcd.api.AuthUserDeleteRequest;
import io.etcd.jetcd.api.AuthUserGrantRoleRequest;
import io.etcd.jetcd.api.AuthUserRevokeRoleRequest;
import io.etcd.jetcd.api.Permission;
import io.etcd.jetcd.api.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The auth store's apply rules (etcd 3.4's authStore), on both backends, and what survives a reopen. */
@ParameterizedClass
@EnumSource(BackendKind.class)
class AuthTest extends StoreTestBase {
  private static final ByteString SECRET = ByteString.copyFrom(new byte[32]);

  AuthTest(BackendKind kind) {
    super(kind);
  }

  static AuthCommand userAdd(String name) {
    return new AuthCommand.UserAdd(AuthUserAddRequest.newBuilder().setName(name).setPassword("$2a$10$hash").build());
  }

  static AuthCommand roleAdd(String name) {
    return new AuthCommand.RoleAdd(AuthRoleAddRequest.newBuilder().setName(name).build());
  }

  static AuthCommand grantRole(String user, String role) {
    return new AuthCommand.UserGrantRole(AuthUserGrantRoleRequest.newBuilder().setUser(user).setRole(role).build());
  }

  static AuthCommand grantPerm(String role, Permission.Type type, String key, String end) {
    return new AuthCommand.RoleGrantPermission(AuthRoleGrantPermissionRequest.newBuilder()
        .setName(role)
        .setPerm(Permission.newBuilder().setPermType(type).setKey(bs(key)).setRangeEnd(bs(end)))
        .build());
  }

  static ByteString bs(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Test
  void enablingNeedsARootUserWithTheRootRole() {
    assertThat(failure(new AuthCommand.Enable(SECRET))).isEqualTo(EtcdError.ROOT_USER_NOT_EXIST);
    ok(userAdd("root"));
    assertThat(failure(new AuthCommand.Enable(SECRET))).isEqualTo(EtcdError.ROOT_ROLE_NOT_EXIST);
    ok(grantRole("root", "root")); // the root role needs no role record
    long beforeEnable = store().auth().revision();
    ok(new AuthCommand.Enable(SECRET));
    assertThat(store().auth().revision()).as("enabling commits no auth revision, as etcd").isEqualTo(beforeEnable);
    assertThat(store().auth().enabled()).isTrue();
    assertThat(store().auth().tokenSecret()).isEqualTo(SECRET);
    assertThat(failure(new AuthCommand.RoleDelete(AuthRoleDeleteRequest.newBuilder().setRole("root").build())))
        .isEqualTo(EtcdError.INVALID_AUTH_MGMT);
    assertThat(failure(new AuthCommand.UserRevokeRole(
            AuthUserRevokeRoleRequest.newBuilder().setName("root").setRole("root").build())))
        .isEqualTo(EtcdError.INVALID_AUTH_MGMT);
    assertThat(failure(new AuthCommand.UserDelete(AuthUserDeleteRequest.newBuilder().setName("root").build())))
        .isEqualTo(EtcdError.INVALID_AUTH_MGMT);
    long enabledAt = store().auth().revision();
    ok(new AuthCommand.Disable());
    assertThat(store().auth().enabled()).isFalse();
    assertThat(store().auth().revision()).as("disabling commits one, as etcd's AuthDisable").isEqualTo(enabledAt + 1);
    ok(new AuthCommand.Disable());
    assertThat(store().auth().revision()).as("disabling what is off changes nothing").isEqualTo(enabledAt + 1);
    assertThat(store().revision()).as("auth changes do not touch the keyspace's revision").isEqualTo(1);
  }

  @Test
  void usersAndRolesFollowEtcdsRules() {
    ok(userAdd("u"));
    assertThat(failure(userAdd("u"))).isEqualTo(EtcdError.USER_ALREADY_EXIST);
    assertThat(failure(userAdd(""))).isEqualTo(EtcdError.USER_EMPTY);
    assertThat(failure(roleAdd(""))).isEqualTo(EtcdError.ROLE_EMPTY);
    assertThat(failure(grantRole("u", "nosuch"))).isEqualTo(EtcdError.ROLE_NOT_FOUND);
    assertThat(failure(grantRole("nobody", "r"))).isEqualTo(EtcdError.USER_NOT_FOUND);
    ok(roleAdd("r"));
    assertThat(failure(roleAdd("r"))).isEqualTo(EtcdError.ROLE_ALREADY_EXIST);
    ok(grantRole("u", "r"));
    long revision = store().auth().revision();
    ok(grantRole("u", "r"));
    assertThat(store().auth().revision()).as("a repeated grant changes nothing").isEqualTo(revision);
    ok(grantPerm("r", Permission.Type.READ, "foo", ""));
    ok(grantPerm("r", Permission.Type.WRITE, "foo", ""));
    ok(grantPerm("r", Permission.Type.READ, "a", "c"));
    assertThat(store().auth().role("r").getKeyPermissionList())
        .extracting(p -> p.getKey().toStringUtf8() + ":" + p.getPermType())
        .as("sorted by key; the second grant of foo replaced the first")
        .containsExactly("a:READ", "foo:WRITE");
    assertThat(failure(new AuthCommand.RoleRevokePermission(
            AuthRoleRevokePermissionRequest.newBuilder().setRole("r").setKey(bs("a")).build())))
        .as("the range end must match too")
        .isEqualTo(EtcdError.PERMISSION_NOT_GRANTED);
    ok(new AuthCommand.RoleDelete(AuthRoleDeleteRequest.newBuilder().setRole("r").build()));
    assertThat(store().auth().user("u").getRolesList()).as("deleting a role revokes it from its users").isEmpty();
    assertThat(failure(new AuthCommand.UserRevokeRole(
            AuthUserRevokeRoleRequest.newBuilder().setName("u").setRole("r").build())))
        .isEqualTo(EtcdError.ROLE_NOT_GRANTED);
  }

  @Test
  void permissionsAreTheUnionOfTheRolesIntervals() {
    ok(userAdd("u"));
    ok(roleAdd("r1"));
    ok(roleAdd("r2"));
    ok(grantRole("u", "r1"));
    ok(grantRole("u", "r2"));
    ok(grantPerm("r1", Permission.Type.READ, "a", "m"));
    ok(grantPerm("r2", Permission.Type.READWRITE, "m", "p"));
    ok(grantPerm("r2", Permission.Type.WRITE, "x", "\0"));
    AuthState a = store().auth();
    User u = a.user("u");
    assertThat(a.permitted(u, Permission.Type.READ, bs("b"), ByteString.EMPTY)).isTrue();
    assertThat(a.permitted(u, Permission.Type.READ, bs("a"), bs("p"))).as("two adjacent grants cover it").isTrue();
    assertThat(a.permitted(u, Permission.Type.READ, bs("a"), bs("q"))).isFalse();
    assertThat(a.permitted(u, Permission.Type.WRITE, bs("b"), ByteString.EMPTY)).isFalse();
    assertThat(a.permitted(u, Permission.Type.WRITE, bs("n"), ByteString.EMPTY)).isTrue();
    assertThat(a.permitted(u, Permission.Type.WRITE, bs("zzz"), bs("\0"))).as("open-ended grant").isTrue();
    assertThat(a.permitted(u, Permission.Type.READ, bs("zzz"), ByteString.EMPTY)).isFalse();
    ok(grantRole("u", "root"));
    assertThat(store().auth().permitted(store().auth().user("u"), Permission.Type.WRITE, bs("b"), ByteString.EMPTY))
        .as("root may do anything")
        .isTrue();
  }
}
