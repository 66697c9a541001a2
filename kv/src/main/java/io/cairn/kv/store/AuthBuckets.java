package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.Role;
import io.etcd.jetcd.api.User;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * The auth buckets' layout, as etcd's: {@code auth} holds {@code authEnabled} (one byte, 1 or 0) and
 * {@code authRevision} (8-byte big-endian), plus cairn's {@code cairnTokenSecret} (the HMAC key of
 * the tokens of the current enablement); {@code authUsers} maps a name to its {@code authpb.User},
 * {@code authRoles} a name to its {@code authpb.Role}.
 */
final class AuthBuckets {
  static final byte[] ENABLED = ascii("authEnabled");
  static final byte[] REVISION = ascii("authRevision");
  static final byte[] TOKEN_SECRET = ascii("cairnTokenSecret");

  private AuthBuckets() {}

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] name(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  static void putUser(WriteBatch batch, String name, User user) {
    if (user == null) {
      batch.delete(Bucket.AUTH_USERS, name(name));
    } else {
      batch.put(Bucket.AUTH_USERS, name(name), user.toByteArray());
    }
  }

  static void putRole(WriteBatch batch, String name, Role role) {
    if (role == null) {
      batch.delete(Bucket.AUTH_ROLES, name(name));
    } else {
      batch.put(Bucket.AUTH_ROLES, name(name), role.toByteArray());
    }
  }

  static void putRevision(WriteBatch batch, long revision) {
    batch.put(Bucket.AUTH, REVISION, Meta.longBytes(revision));
  }

  static void putEnabled(WriteBatch batch, boolean enabled, ByteString secret) {
    batch.put(Bucket.AUTH, ENABLED, new byte[] {(byte) (enabled ? 1 : 0)});
    batch.put(Bucket.AUTH, TOKEN_SECRET, secret.toByteArray());
  }

  /** Reads the auth state a store holds; {@link AuthState#EMPTY} when it holds none. */
  static AuthState load(Backend b) {
    byte[] flag = b.get(Bucket.AUTH, ENABLED);
    byte[] rev = b.get(Bucket.AUTH, REVISION);
    byte[] secret = b.get(Bucket.AUTH, TOKEN_SECRET);
    TreeMap<String, User> users = new TreeMap<>();
    TreeMap<String, Role> roles = new TreeMap<>();
    b.scan(Bucket.AUTH_USERS, null, null, (k, v) -> {
      users.put(new String(k, StandardCharsets.UTF_8), parse(() -> User.parseFrom(v)));
      return true;
    });
    b.scan(Bucket.AUTH_ROLES, null, null, (k, v) -> {
      roles.put(new String(k, StandardCharsets.UTF_8), parse(() -> Role.parseFrom(v)));
      return true;
    });
    return new AuthState(
        flag != null && flag.length == 1 && flag[0] == 1,
        flag != null,
        rev == null ? 0 : Meta.toLong(rev, "auth revision"),
        secret == null ? ByteString.EMPTY : ByteString.copyFrom(secret),
        users,
        roles);
  }

  private interface Parse<T> {
    T run() throws InvalidProtocolBufferException;
  }

  private static <T> T parse(Parse<T> p) {
    try {
      return p.run();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt store: undecodable auth record: " + e.getMessage(), e);
    }
  }
}
