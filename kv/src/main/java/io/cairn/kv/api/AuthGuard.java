package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.AuthState;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvStore;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.Permission;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.User;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Who is calling and what they may do, as etcd 3.4's {@code AuthInfoFromCtx} and {@code
 * IsRangePermitted}/{@code IsPutPermitted}/{@code IsDeleteRangePermitted}/{@code IsAdminPermitted}.
 *
 * <p>The token travels in the gRPC metadata {@code token} (etcd clients) or the HTTP {@code
 * Authorization} header (the JSON gateway, as metadata {@code authorization}); {@link #interceptor()}
 * and {@link #withToken} put it into the call's {@link Context}, where the checks read it. While auth
 * is off every check passes. With auth on: no token is {@code user name is empty}, a bad, expired or
 * revoked token is {@code invalid auth token}, a lacking permission is {@code permission denied}.
 * With {@link JwtTokens} a token issued before the latest user or role change is {@code revision of
 * auth store is old}, as etcd's, and clients authenticate again.
 *
 * <p>Certificate login (etcd's {@code AuthInfoFromTLS}, with {@code --client-cert-auth}): a gRPC call
 * that carries no token, on a TLS connection whose client presented a verified certificate, acts as
 * the user named by the certificate's subject CN. A CN that names no user is {@code permission
 * denied}. The JSON gateway never logs in by certificate, as etcd's gateway does not.
 *
 * <p>Thread-safe; checks read the store's current {@link AuthState} without locking and never block.
 */
public final class AuthGuard {
  static final Context.Key<String> TOKEN = Context.key("etcd-auth-token");
  static final Context.Key<String> CERT_USER = Context.key("etcd-cert-user");
  private static final Metadata.Key<String> TOKEN_MD = Metadata.Key.of("token", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> AUTHORIZATION_MD =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final KvStore store;
  private final long tokenTtlMillis;
  private final LongSupplier clockMillis;
  private final boolean certificateLogin;
  private final JwtTokens jwt;

  /**
   * @param tokenTtlMillis how long an issued token stays valid (etcd's {@code --auth-token-ttl},
   *     300 s by default)
   * @param certificateLogin whether a call without a token acts as its client certificate's CN
   *     (etcd's {@code --client-cert-auth})
   * @param jwt etcd's JWT tokens ({@code --auth-token jwt,...}), which then replace cairn's own
   *     signed tokens ({@code --auth-token simple}); null for those
   */
  public AuthGuard(
      KvStore store, long tokenTtlMillis, LongSupplier clockMillis, boolean certificateLogin, JwtTokens jwt) {
    if (tokenTtlMillis <= 0) {
      throw new IllegalArgumentException("token TTL is " + tokenTtlMillis + " ms; expected a positive duration");
    }
    this.store = store;
    this.tokenTtlMillis = tokenTtlMillis;
    this.clockMillis = clockMillis;
    this.certificateLogin = certificateLogin;
    this.jwt = jwt;
  }

  /** Puts the call's token (metadata {@code token}, else {@code authorization}) into its context. */
  public ServerInterceptor interceptor() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String token = headers.get(TOKEN_MD);
        if (token == null) {
          token = headers.get(AUTHORIZATION_MD);
        }
        if (token != null) {
          return Contexts.interceptCall(Context.current().withValue(TOKEN, token), call, headers, next);
        }
        String cn = certificateLogin ? CertificateUser.commonName(call.getAttributes()) : null;
        if (cn != null) {
          return Contexts.interceptCall(Context.current().withValue(CERT_USER, cn), call, headers, next);
        }
        return next.startCall(call, headers);
      }
    };
  }

  /** Runs {@code body} with {@code token} (an HTTP Authorization header; null: none) as the caller's. */
  public static void withToken(String token, Runnable body) {
    if (token == null) {
      body.run();
    } else {
      Context.current().withValue(TOKEN, token).run(body);
    }
  }

  AuthState state() {
    return store.auth();
  }

  /** A new token for {@code user}, valid for the configured TTL. */
  String issue(AuthState a, User user) {
    if (jwt != null) {
      return jwt.issue(user.getName().toStringUtf8(), a.revision(), clockMillis.getAsLong());
    }
    return Tokens.issue(a.tokenSecret(), user.getName().toStringUtf8(), user.getPassword(), clockMillis.getAsLong() + tokenTtlMillis);
  }

  /** The calling user, or null while auth is off. */
  User caller() throws EtcdException {
    return caller(EtcdError.PERMISSION_DENIED);
  }

  /**
   * @param unknownUser the error for a caller whose certificate CN or token names no user: etcd's key
   *     checks answer "permission denied", its admin check ({@code IsAdminPermitted}) "user name not
   *     found"
   */
  private User caller(EtcdError unknownUser) throws EtcdException {
    AuthState a = store.auth();
    if (!a.enabled()) {
      return null;
    }
    String token = TOKEN.get();
    if (token == null || token.isEmpty()) {
      String cn = CERT_USER.get();
      if (cn == null) {
        throw EtcdError.USER_EMPTY.exception();
      }
      User user = a.user(cn);
      if (user == null) {
        throw unknownUser.exception();
      }
      return user;
    }
    if (jwt != null) {
      return jwtCaller(a, token, unknownUser);
    }
    Tokens.Parsed t = Tokens.parse(token);
    User user = t == null ? null : a.user(t.user());
    if (user == null || !Tokens.valid(t, a.tokenSecret(), user.getPassword(), clockMillis.getAsLong())) {
      throw EtcdError.INVALID_AUTH_TOKEN.exception();
    }
    return user;
  }

  /** etcd's order: a bad token, then an older auth revision, then a user that no longer exists. */
  private User jwtCaller(AuthState a, String token, EtcdError unknownUser) throws EtcdException {
    JwtTokens.Claims claims = jwt.verify(token, clockMillis.getAsLong());
    if (claims == null) {
      throw EtcdError.INVALID_AUTH_TOKEN.exception();
    }
    if (claims.revision() < a.revision()) {
      throw EtcdError.AUTH_OLD_REVISION.exception();
    }
    User user = a.user(claims.user());
    if (user == null) {
      throw unknownUser.exception();
    }
    return user;
  }

  /** etcd's {@code IsAdminPermitted}: the caller has the root role (or auth is off). */
  void checkAdmin() throws EtcdException {
    User u = caller(EtcdError.USER_NOT_FOUND);
    if (u != null && !AuthState.hasRootRole(u)) {
      throw EtcdError.PERMISSION_DENIED.exception();
    }
  }

  /**
   * For calls answered without {@link Calls}: when the caller is not admin, fails {@code observer}
   * with the error and returns true.
   */
  boolean deniedAdmin(io.grpc.stub.StreamObserver<?> observer) {
    try {
      checkAdmin();
      return false;
    } catch (EtcdException e) {
      observer.onError(GrpcErrors.of(e.error()));
      return true;
    }
  }

  /** Admin, or the caller is {@code name} (etcd's UserGet rule). */
  void checkAdminOrSelf(String name) throws EtcdException {
    User u = caller();
    if (u != null && !AuthState.hasRootRole(u) && !u.getName().toStringUtf8().equals(name)) {
      throw EtcdError.PERMISSION_DENIED.exception();
    }
  }

  /** Admin, or the caller has role {@code role} (etcd's RoleGet rule). */
  void checkAdminOrMember(String role) throws EtcdException {
    User u = caller();
    if (u != null && !AuthState.hasRootRole(u) && !u.getRolesList().contains(role)) {
      throw EtcdError.PERMISSION_DENIED.exception();
    }
  }

  void checkRange(RangeRequest r) throws EtcdException {
    check(Permission.Type.READ, r.getKey(), r.getRangeEnd());
  }

  void checkPut(PutRequest r) throws EtcdException {
    if (r.getPrevKv()) {
      check(Permission.Type.READ, r.getKey(), ByteString.EMPTY);
    }
    check(Permission.Type.WRITE, r.getKey(), ByteString.EMPTY);
  }

  void checkDelete(DeleteRangeRequest r) throws EtcdException {
    if (r.getPrevKv()) {
      check(Permission.Type.READ, r.getKey(), r.getRangeEnd());
    }
    check(Permission.Type.WRITE, r.getKey(), r.getRangeEnd());
  }

  /** Compares need READ; each op what it would need alone; nested txns are checked too. */
  void checkTxn(TxnRequest t) throws EtcdException {
    if (!store.auth().enabled()) {
      return;
    }
    for (Compare c : t.getCompareList()) {
      check(Permission.Type.READ, c.getKey(), c.getRangeEnd());
    }
    checkOps(t.getSuccessList());
    checkOps(t.getFailureList());
  }

  private void checkOps(List<RequestOp> ops) throws EtcdException {
    for (RequestOp op : ops) {
      switch (op.getRequestCase()) {
        case REQUEST_RANGE -> checkRange(op.getRequestRange());
        case REQUEST_PUT -> checkPut(op.getRequestPut());
        case REQUEST_DELETE_RANGE -> checkDelete(op.getRequestDeleteRange());
        case REQUEST_TXN -> checkTxn(op.getRequestTxn());
        case REQUEST_NOT_SET -> {}
      }
    }
  }

  /** Keys attached to a lease being revoked: the caller must be allowed to delete each. */
  void checkWriteKeys(List<ByteString> keys) throws EtcdException {
    for (ByteString k : keys) {
      check(Permission.Type.WRITE, k, ByteString.EMPTY);
    }
  }

  /** Whether the caller may watch {@code [key, rangeEnd)}; never throws (etcd cancels the watch). */
  boolean mayWatch(ByteString key, ByteString rangeEnd) {
    try {
      check(Permission.Type.READ, key, rangeEnd);
      return true;
    } catch (EtcdException e) {
      return false;
    }
  }

  private void check(Permission.Type type, ByteString key, ByteString rangeEnd) throws EtcdException {
    User u = caller();
    if (u != null && !store.auth().permitted(u, type, key, rangeEnd)) {
      throw EtcdError.PERMISSION_DENIED.exception();
    }
  }
}
