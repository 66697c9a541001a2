package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.Permission;
import io.etcd.jetcd.api.Role;
import io.etcd.jetcd.api.User;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The auth store's state (etcd's {@code authStore}): whether auth is on, its revision, users and
 * roles, and the secret tokens are signed with. Immutable: every auth command builds a new one, and
 * readers (the API's permission checks, on any thread) take the current one without a lock.
 *
 * @param enabled whether requests must carry a valid token
 * @param flagStored whether the {@code authEnabled} flag was ever written (etcd writes it on the first
 *     enable or disable); only for {@link #bucketBytes()}
 * @param revision etcd's auth revision: bumped by every user or role change, 0 before the first
 * @param tokenSecret the HMAC key of this enablement's tokens, empty while auth was never enabled
 * @param users by name; a user's password is the bcrypt hash, empty for a user without password
 * @param roles by name; each role's permissions sorted by key
 */
public record AuthState(
    boolean enabled,
    boolean flagStored,
    long revision,
    ByteString tokenSecret,
    SortedMap<String, User> users,
    SortedMap<String, Role> roles) {
  /** The user and role names with special meaning. */
  public static final String ROOT = "root";

  static final AuthState EMPTY =
      new AuthState(false, false, 0, ByteString.EMPTY, Collections.emptySortedMap(), Collections.emptySortedMap());

  public AuthState {
    users = Collections.unmodifiableSortedMap(new TreeMap<>(users));
    roles = Collections.unmodifiableSortedMap(new TreeMap<>(roles));
  }

  public User user(String name) {
    return users.get(name);
  }

  public Role role(String name) {
    return roles.get(name);
  }

  /** Whether {@code user} has the root role (which permits everything). */
  public static boolean hasRootRole(User user) {
    return user.getRolesList().contains(ROOT);
  }

  AuthState withEnabled(boolean on, ByteString secret) {
    return new AuthState(on, true, revision, secret, users, roles);
  }

  /** The same state at the next auth revision. */
  AuthState bumped() {
    return new AuthState(enabled, flagStored, revision + 1, tokenSecret, users, roles);
  }

  AuthState withUser(String name, User user) {
    TreeMap<String, User> u = new TreeMap<>(users);
    if (user == null) {
      u.remove(name);
    } else {
      u.put(name, user);
    }
    return new AuthState(enabled, flagStored, revision + 1, tokenSecret, u, roles);
  }

  AuthState withRole(String name, Role role) {
    TreeMap<String, Role> r = new TreeMap<>(roles);
    if (role == null) {
      r.remove(name);
    } else {
      r.put(name, role);
    }
    return new AuthState(enabled, flagStored, revision + 1, tokenSecret, users, r);
  }

  /** The same state with {@code users} replaced (no revision bump: part of another change). */
  AuthState withUsers(SortedMap<String, User> replaced) {
    return new AuthState(enabled, flagStored, revision, tokenSecret, replaced, roles);
  }

  /**
   * Whether {@code user}'s roles permit {@code type} (READ or WRITE) on the keys {@code [key,
   * rangeEnd)} ({@code rangeEnd} empty: the key alone; {@code "\0"}: every key from {@code key}), as
   * etcd's {@code isRangeOpPermitted}: the union of the roles' intervals must cover the range.
   */
  public boolean permitted(User user, Permission.Type type, ByteString key, ByteString rangeEnd) {
    if (hasRootRole(user)) {
      return true;
    }
    List<Interval> granted = new java.util.ArrayList<>();
    for (String roleName : user.getRolesList()) {
      Role role = roles.get(roleName);
      if (role == null) {
        continue;
      }
      for (Permission p : role.getKeyPermissionList()) {
        if (p.getPermType() == Permission.Type.READWRITE || p.getPermType() == type) {
          granted.add(Interval.of(p.getKey(), p.getRangeEnd()));
        }
      }
    }
    return Interval.covered(Interval.of(key, rangeEnd), granted);
  }

  /**
   * Exact bytes the three auth buckets hold (keys and values), from the state alone, so every member
   * computes the same quota usage.
   */
  long bucketBytes() {
    long bytes = 0;
    if (flagStored) {
      bytes += "authEnabled".length() + 1;
    }
    if (revision > 0) {
      bytes += "authRevision".length() + 8;
    }
    if (!tokenSecret.isEmpty()) {
      bytes += AuthBuckets.TOKEN_SECRET.length + tokenSecret.size();
    }
    for (var e : users.entrySet()) {
      bytes += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + e.getValue().getSerializedSize();
    }
    for (var e : roles.entrySet()) {
      bytes += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + e.getValue().getSerializedSize();
    }
    return bytes;
  }
}
