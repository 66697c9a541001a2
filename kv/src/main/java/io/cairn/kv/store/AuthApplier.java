package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.AuthDisableResponse;
import io.etcd.jetcd.api.AuthEnableResponse;
import io.etcd.jetcd.api.AuthRoleAddResponse;
import io.etcd.jetcd.api.AuthRoleDeleteResponse;
import io.etcd.jetcd.api.AuthRoleGrantPermissionResponse;
import io.etcd.jetcd.api.AuthRoleRevokePermissionResponse;
import io.etcd.jetcd.api.AuthUserAddResponse;
import io.etcd.jetcd.api.AuthUserChangePasswordResponse;
import io.etcd.jetcd.api.AuthUserDeleteResponse;
import io.etcd.jetcd.api.AuthUserGrantRoleResponse;
import io.etcd.jetcd.api.AuthUserRevokeRoleResponse;
import io.etcd.jetcd.api.Permission;
import io.etcd.jetcd.api.Role;
import io.etcd.jetcd.api.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Applies {@link AuthCommand}s as etcd 3.4's {@code authStore} does: the same checks in the same
 * order, the same errors, the auth revision bumped by every user or role change and by disabling
 * auth (not by enabling it). Permission to make the change (root, when auth is on) is checked by the API before
 * proposing. Runs on the applier thread under the store's write lock; publishes a new {@link
 * AuthState} into {@link StoreState#auth} and writes the changed records to {@code batch}.
 */
final class AuthApplier {
  private final StoreState s;

  AuthApplier(StoreState s) {
    this.s = s;
  }

  Message apply(AuthCommand command, WriteBatch batch) throws EtcdException {
    AuthState a = s.auth;
    AuthState next =
        switch (command) {
          case AuthCommand.Enable e -> enable(a, e.tokenSecret());
          // etcd's AuthDisable commits a new auth revision when auth was on (older JWTs then fail)
          case AuthCommand.Disable d -> a.enabled() ? a.withEnabled(false, ByteString.EMPTY).bumped() : a;
          case AuthCommand.UserAdd u -> {
            String name = u.request().getName();
            if (name.isEmpty()) {
              throw EtcdError.USER_EMPTY.exception();
            }
            if (a.user(name) != null) {
              throw EtcdError.USER_ALREADY_EXIST.exception();
            }
            yield a.withUser(name, User.newBuilder()
                .setName(ByteString.copyFromUtf8(name))
                .setPassword(ByteString.copyFromUtf8(u.request().getPassword()))
                .build());
          }
          case AuthCommand.UserDelete u -> {
            String name = u.request().getName();
            if (a.enabled() && name.equals(AuthState.ROOT)) {
              throw EtcdError.INVALID_AUTH_MGMT.exception();
            }
            requireUser(a, name);
            yield a.withUser(name, null);
          }
          case AuthCommand.UserChangePassword u -> {
            User user = requireUser(a, u.request().getName());
            yield a.withUser(u.request().getName(),
                user.toBuilder().setPassword(ByteString.copyFromUtf8(u.request().getPassword())).build());
          }
          case AuthCommand.UserGrantRole g -> {
            User user = requireUser(a, g.request().getUser());
            String role = g.request().getRole();
            if (!role.equals(AuthState.ROOT) && a.role(role) == null) {
              throw EtcdError.ROLE_NOT_FOUND.exception();
            }
            if (user.getRolesList().contains(role)) {
              yield a; // etcd ignores a repeated grant, without bumping the revision
            }
            List<String> roles = new ArrayList<>(user.getRolesList());
            roles.add(role);
            roles.sort(Comparator.naturalOrder());
            yield a.withUser(g.request().getUser(), user.toBuilder().clearRoles().addAllRoles(roles).build());
          }
          case AuthCommand.UserRevokeRole r -> {
            String name = r.request().getName();
            String role = r.request().getRole();
            if (a.enabled() && name.equals(AuthState.ROOT) && role.equals(AuthState.ROOT)) {
              throw EtcdError.INVALID_AUTH_MGMT.exception();
            }
            User user = requireUser(a, name);
            if (!user.getRolesList().contains(role)) {
              throw EtcdError.ROLE_NOT_GRANTED.exception();
            }
            List<String> roles = new ArrayList<>(user.getRolesList());
            roles.remove(role);
            yield a.withUser(name, user.toBuilder().clearRoles().addAllRoles(roles).build());
          }
          case AuthCommand.RoleAdd r -> {
            String name = r.request().getName();
            if (name.isEmpty()) {
              throw EtcdError.ROLE_EMPTY.exception();
            }
            if (a.role(name) != null) {
              throw EtcdError.ROLE_ALREADY_EXIST.exception();
            }
            yield a.withRole(name, Role.newBuilder().setName(ByteString.copyFromUtf8(name)).build());
          }
          case AuthCommand.RoleDelete r -> {
            String name = r.request().getRole();
            if (a.enabled() && name.equals(AuthState.ROOT)) {
              throw EtcdError.INVALID_AUTH_MGMT.exception();
            }
            if (a.role(name) == null) {
              throw EtcdError.ROLE_NOT_FOUND.exception();
            }
            yield withoutRole(a.withRole(name, null), name, batch);
          }
          case AuthCommand.RoleGrantPermission g -> {
            Role role = a.role(g.request().getName());
            if (role == null) {
              throw EtcdError.ROLE_NOT_FOUND.exception();
            }
            yield a.withRole(g.request().getName(), granted(role, g.request().getPerm()));
          }
          case AuthCommand.RoleRevokePermission r -> {
            Role role = a.role(r.request().getRole());
            if (role == null) {
              throw EtcdError.ROLE_NOT_FOUND.exception();
            }
            Role.Builder b = role.toBuilder().clearKeyPermission();
            boolean found = false;
            for (Permission p : role.getKeyPermissionList()) {
              if (p.getKey().equals(r.request().getKey()) && p.getRangeEnd().equals(r.request().getRangeEnd())) {
                found = true;
              } else {
                b.addKeyPermission(p);
              }
            }
            if (!found) {
              throw EtcdError.PERMISSION_NOT_GRANTED.exception();
            }
            yield a.withRole(r.request().getRole(), b.build());
          }
        };
    write(a, next, batch);
    s.auth(next);
    return response(command);
  }

  private static AuthState enable(AuthState a, ByteString secret) throws EtcdException {
    if (a.enabled()) {
      // etcd: "authentication is already enabled; ignored auth enable request". A store restored from
      // a snapshot is enabled without a token secret; the first Enable after the restore supplies it.
      return a.tokenSecret().isEmpty() ? a.withEnabled(true, secret) : a;
    }
    User root = a.user(AuthState.ROOT);
    if (root == null) {
      throw EtcdError.ROOT_USER_NOT_EXIST.exception();
    }
    if (!AuthState.hasRootRole(root)) {
      throw EtcdError.ROOT_ROLE_NOT_EXIST.exception();
    }
    return a.withEnabled(true, secret);
  }

  private static User requireUser(AuthState a, String name) throws EtcdException {
    User u = a.user(name);
    if (u == null) {
      throw EtcdError.USER_NOT_FOUND.exception();
    }
    return u;
  }

  /** etcd's RoleDelete also revokes the role from every user that has it. */
  private static AuthState withoutRole(AuthState a, String role, WriteBatch batch) {
    TreeMap<String, User> users = new TreeMap<>(a.users());
    for (var e : a.users().entrySet()) {
      if (e.getValue().getRolesList().contains(role)) {
        List<String> roles = new ArrayList<>(e.getValue().getRolesList());
        roles.remove(role);
        users.put(e.getKey(), e.getValue().toBuilder().clearRoles().addAllRoles(roles).build());
      }
    }
    return a.withUsers(users);
  }

  /** etcd: a permission for the same key and range end is replaced, others are kept sorted by key. */
  private static Role granted(Role role, Permission perm) {
    List<Permission> perms = new ArrayList<>();
    boolean replaced = false;
    for (Permission p : role.getKeyPermissionList()) {
      if (p.getKey().equals(perm.getKey()) && p.getRangeEnd().equals(perm.getRangeEnd())) {
        perms.add(perm);
        replaced = true;
      } else {
        perms.add(p);
      }
    }
    if (!replaced) {
      perms.add(perm);
      perms.sort((x, y) -> ByteString.unsignedLexicographicalComparator().compare(x.getKey(), y.getKey()));
    }
    return role.toBuilder().clearKeyPermission().addAllKeyPermission(perms).build();
  }

  /** Writes what differs between {@code before} and {@code after}. */
  private static void write(AuthState before, AuthState after, WriteBatch batch) {
    if (after.enabled() != before.enabled() || after.flagStored() != before.flagStored()
        || !after.tokenSecret().equals(before.tokenSecret())) {
      AuthBuckets.putEnabled(batch, after.enabled(), after.tokenSecret());
    }
    if (after.revision() != before.revision()) {
      AuthBuckets.putRevision(batch, after.revision());
    }
    for (var e : after.users().entrySet()) {
      if (!e.getValue().equals(before.user(e.getKey()))) {
        AuthBuckets.putUser(batch, e.getKey(), e.getValue());
      }
    }
    for (String name : before.users().keySet()) {
      if (after.user(name) == null) {
        AuthBuckets.putUser(batch, name, null);
      }
    }
    for (var e : after.roles().entrySet()) {
      if (!e.getValue().equals(before.role(e.getKey()))) {
        AuthBuckets.putRole(batch, e.getKey(), e.getValue());
      }
    }
    for (String name : before.roles().keySet()) {
      if (after.role(name) == null) {
        AuthBuckets.putRole(batch, name, null);
      }
    }
  }

  private Message response(AuthCommand command) {
    var header = KvOps.header(s.revision);
    return switch (command) {
      case AuthCommand.Enable e -> AuthEnableResponse.newBuilder().setHeader(header).build();
      case AuthCommand.Disable d -> AuthDisableResponse.newBuilder().setHeader(header).build();
      case AuthCommand.UserAdd u -> AuthUserAddResponse.newBuilder().setHeader(header).build();
      case AuthCommand.UserDelete u -> AuthUserDeleteResponse.newBuilder().setHeader(header).build();
      case AuthCommand.UserChangePassword u -> AuthUserChangePasswordResponse.newBuilder().setHeader(header).build();
      case AuthCommand.UserGrantRole u -> AuthUserGrantRoleResponse.newBuilder().setHeader(header).build();
      case AuthCommand.UserRevokeRole u -> AuthUserRevokeRoleResponse.newBuilder().setHeader(header).build();
      case AuthCommand.RoleAdd r -> AuthRoleAddResponse.newBuilder().setHeader(header).build();
      case AuthCommand.RoleDelete r -> AuthRoleDeleteResponse.newBuilder().setHeader(header).build();
      case AuthCommand.RoleGrantPermission r -> AuthRoleGrantPermissionResponse.newBuilder().setHeader(header).build();
      case AuthCommand.RoleRevokePermission r -> AuthRoleRevokePermissionResponse.newBuilder().setHeader(header).build();
    };
  }
}
