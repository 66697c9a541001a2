package io.cairn.kv.api;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.cairn.kv.store.AuthCommand;
import io.cairn.kv.store.AuthState;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.KvStore;
import io.etcd.jetcd.api.*;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code etcdserverpb.Auth}: enabling auth, authenticating, users and roles, as etcd 3.4.
 *
 * <p>Changes are proposed through Raft ({@link AuthCommand}) after the caller's right to make them
 * was checked (root, once auth is on); reads answer from this member's applied state. Passwords are
 * hashed here with bcrypt (etcd's default cost 10) and only the hash is replicated; hashing and
 * checking run on {@code executor} (virtual threads), never on a gRPC or Netty event-loop thread.
 */
public final class AuthService extends AuthGrpc.AuthImplBase {
  /** etcd's default {@code --bcrypt-cost}. */
  public static final int BCRYPT_COST = 10;

  private final KvStore store;
  private final AuthGuard guard;
  private final Proposals proposals;
  private final Headers headers;
  private final Executor executor;
  private final SecureRandom random = new SecureRandom();

  public AuthService(KvStore store, AuthGuard guard, Proposals proposals, Headers headers, Executor executor) {
    this.store = store;
    this.guard = guard;
    this.proposals = proposals;
    this.headers = headers;
    this.executor = executor;
  }

  private <T extends Message> CompletableFuture<T> propose(AuthCommand c, Class<T> type) {
    return proposals.propose(c, type);
  }

  /** The store's response with the header completed (cluster, member, term). */
  @SuppressWarnings("unchecked")
  private <T extends Message> CompletableFuture<T> completed(CompletableFuture<T> f) {
    return f.thenApply(r -> {
      var field = r.getDescriptorForType().findFieldByName("header");
      ResponseHeader h = (ResponseHeader) r.getField(field);
      return (T) r.toBuilder().setField(field, headers.complete(h)).build();
    });
  }

  private ResponseHeader header() {
    return headers.header(store.revision());
  }

  private String hash(String password) {
    if (password.isEmpty()) {
      return "";
    }
    return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
  }

  @Override
  public void authEnable(AuthEnableRequest request, StreamObserver<AuthEnableResponse> observer) {
    ByteString secret = newSecret();
    Calls.reply(observer, () -> completed(propose(new AuthCommand.Enable(secret), AuthEnableResponse.class)));
  }

  /** A new HMAC key for simple tokens (32 random bytes). */
  private ByteString newSecret() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return ByteString.copyFrom(secret);
  }

  @Override
  public void authDisable(AuthDisableRequest request, StreamObserver<AuthDisableResponse> observer) {
    Calls.reply(observer, () -> {
      guard.checkAdmin();
      return completed(propose(new AuthCommand.Disable(), AuthDisableResponse.class));
    });
  }

  @Override
  public void authenticate(AuthenticateRequest request, StreamObserver<AuthenticateResponse> observer) {
    // A store restored from a snapshot with auth enabled has no token secret yet (snapshots never
    // carry one): the first authentication proposes one, which every member then shares.
    CompletableFuture<?> secret = store.auth().enabled() && store.auth().tokenSecret().isEmpty()
        ? propose(new AuthCommand.Enable(newSecret()), AuthEnableResponse.class)
        : CompletableFuture.completedFuture(null);
    Calls.reply(observer, () -> secret.thenApplyAsync(ignored -> {
      AuthState a = store.auth();
      if (!a.enabled()) {
        throw new java.util.concurrent.CompletionException(EtcdError.AUTH_NOT_ENABLED.exception());
      }
      User user = a.user(request.getName());
      boolean ok = user != null && !user.getPassword().isEmpty()
          && BCrypt.verifyer().verify(request.getPassword().getBytes(StandardCharsets.UTF_8),
              user.getPassword().toByteArray()).verified;
      if (!ok) {
        throw new java.util.concurrent.CompletionException(EtcdError.AUTH_FAILED.exception());
      }
      return AuthenticateResponse.newBuilder().setHeader(header()).setToken(guard.issue(a, user)).build();
    }, executor));
  }

  @Override
  public void userAdd(AuthUserAddRequest request, StreamObserver<AuthUserAddResponse> observer) {
    Calls.reply(observer, () -> {
      guard.checkAdmin();
      return CompletableFuture.supplyAsync(() -> request.toBuilder().setPassword(hash(request.getPassword())).build(), executor)
          .thenCompose(hashed -> completed(propose(new AuthCommand.UserAdd(hashed), AuthUserAddResponse.class)));
    });
  }

  @Override
  public void userChangePassword(
      AuthUserChangePasswordRequest request, StreamObserver<AuthUserChangePasswordResponse> observer) {
    Calls.reply(observer, () -> {
      guard.checkAdmin();
      return CompletableFuture.supplyAsync(() -> request.toBuilder().setPassword(hash(request.getPassword())).build(), executor)
          .thenCompose(hashed ->
              completed(propose(new AuthCommand.UserChangePassword(hashed), AuthUserChangePasswordResponse.class)));
    });
  }

  @Override
  public void userDelete(AuthUserDeleteRequest request, StreamObserver<AuthUserDeleteResponse> observer) {
    admin(observer, () -> propose(new AuthCommand.UserDelete(request), AuthUserDeleteResponse.class));
  }

  @Override
  public void userGrantRole(AuthUserGrantRoleRequest request, StreamObserver<AuthUserGrantRoleResponse> observer) {
    admin(observer, () -> propose(new AuthCommand.UserGrantRole(request), AuthUserGrantRoleResponse.class));
  }

  @Override
  public void userRevokeRole(AuthUserRevokeRoleRequest request, StreamObserver<AuthUserRevokeRoleResponse> observer) {
    admin(observer, () -> propose(new AuthCommand.UserRevokeRole(request), AuthUserRevokeRoleResponse.class));
  }

  @Override
  public void roleAdd(AuthRoleAddRequest request, StreamObserver<AuthRoleAddResponse> observer) {
    admin(observer, () -> propose(new AuthCommand.RoleAdd(request), AuthRoleAddResponse.class));
  }

  @Override
  public void roleDelete(AuthRoleDeleteRequest request, StreamObserver<AuthRoleDeleteResponse> observer) {
    admin(observer, () -> propose(new AuthCommand.RoleDelete(request), AuthRoleDeleteResponse.class));
  }

  @Override
  public void roleGrantPermission(
      AuthRoleGrantPermissionRequest request, StreamObserver<AuthRoleGrantPermissionResponse> observer) {
    admin(observer, () -> propose(new AuthCommand.RoleGrantPermission(request), AuthRoleGrantPermissionResponse.class));
  }

  @Override
  public void roleRevokePermission(
      AuthRoleRevokePermissionRequest request, StreamObserver<AuthRoleRevokePermissionResponse> observer) {
    admin(observer,
        () -> propose(new AuthCommand.RoleRevokePermission(request), AuthRoleRevokePermissionResponse.class));
  }

  @Override
  public void userGet(AuthUserGetRequest request, StreamObserver<AuthUserGetResponse> observer) {
    Calls.reply(observer, () -> {
      guard.checkAdminOrSelf(request.getName());
      User u = store.auth().user(request.getName());
      if (u == null) {
        throw EtcdError.USER_NOT_FOUND.exception();
      }
      return CompletableFuture.completedFuture(
          AuthUserGetResponse.newBuilder().setHeader(header()).addAllRoles(u.getRolesList()).build());
    });
  }

  @Override
  public void userList(AuthUserListRequest request, StreamObserver<AuthUserListResponse> observer) {
    Calls.reply(observer, () -> {
      guard.checkAdmin();
      return CompletableFuture.completedFuture(
          AuthUserListResponse.newBuilder().setHeader(header()).addAllUsers(store.auth().users().keySet()).build());
    });
  }

  @Override
  public void roleGet(AuthRoleGetRequest request, StreamObserver<AuthRoleGetResponse> observer) {
    Calls.reply(observer, () -> {
      guard.checkAdminOrMember(request.getRole());
      Role r = store.auth().role(request.getRole());
      if (r == null) {
        throw EtcdError.ROLE_NOT_FOUND.exception();
      }
      return CompletableFuture.completedFuture(
          AuthRoleGetResponse.newBuilder().setHeader(header()).addAllPerm(r.getKeyPermissionList()).build());
    });
  }

  @Override
  public void roleList(AuthRoleListRequest request, StreamObserver<AuthRoleListResponse> observer) {
    Calls.reply(observer, () -> {
      guard.checkAdmin();
      return CompletableFuture.completedFuture(
          AuthRoleListResponse.newBuilder().setHeader(header()).addAllRoles(store.auth().roles().keySet()).build());
    });
  }

  private interface Proposal<T> {
    CompletableFuture<T> run();
  }

  private <T extends Message> void admin(StreamObserver<T> observer, Proposal<T> proposal) {
    Calls.reply(observer, () -> {
      guard.checkAdmin();
      return completed(proposal.run());
    });
  }

}
