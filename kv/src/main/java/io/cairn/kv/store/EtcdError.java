package io.cairn.kv.store;

/**
 * The errors etcd's v3 API returns, with the gRPC status code and the exact message etcd 3.4 uses
 * ({@code etcdserver/api/v3rpc/rpctypes/error.go}). Clients such as etcdctl print the message and some
 * (jetcd, clientv3) branch on it, so both must match etcd exactly.
 */
public enum EtcdError {
  EMPTY_KEY(Code.INVALID_ARGUMENT, "etcdserver: key is not provided"),
  KEY_NOT_FOUND(Code.INVALID_ARGUMENT, "etcdserver: key not found"),
  VALUE_PROVIDED(Code.INVALID_ARGUMENT, "etcdserver: value is provided"),
  LEASE_PROVIDED(Code.INVALID_ARGUMENT, "etcdserver: lease is provided"),
  TOO_MANY_OPS(Code.INVALID_ARGUMENT, "etcdserver: too many operations in txn request"),
  DUPLICATE_KEY(Code.INVALID_ARGUMENT, "etcdserver: duplicate key given in txn request"),
  COMPACTED(Code.OUT_OF_RANGE, "etcdserver: mvcc: required revision has been compacted"),
  FUTURE_REV(Code.OUT_OF_RANGE, "etcdserver: mvcc: required revision is a future revision"),
  NO_SPACE(Code.RESOURCE_EXHAUSTED, "etcdserver: mvcc: database space exceeded"),
  LEASE_NOT_FOUND(Code.NOT_FOUND, "etcdserver: requested lease not found"),
  LEASE_EXIST(Code.FAILED_PRECONDITION, "etcdserver: lease already exists"),
  LEASE_TTL_TOO_LARGE(Code.OUT_OF_RANGE, "etcdserver: too large lease TTL"),
  MEMBER_EXIST(Code.FAILED_PRECONDITION, "etcdserver: member ID already exist"),
  PEER_URL_EXIST(Code.FAILED_PRECONDITION, "etcdserver: Peer URLs already exists"),
  MEMBER_NOT_ENOUGH_STARTED(
      Code.FAILED_PRECONDITION, "etcdserver: re-configuration failed due to not enough started members"),
  MEMBER_BAD_URLS(Code.INVALID_ARGUMENT, "etcdserver: given member URLs are invalid"),
  MEMBER_NOT_FOUND(Code.NOT_FOUND, "etcdserver: member not found"),
  MEMBER_NOT_LEARNER(Code.FAILED_PRECONDITION, "etcdserver: can only promote a learner member"),
  LEARNER_NOT_READY(
      Code.FAILED_PRECONDITION, "etcdserver: can only promote a learner member which is in sync with leader"),
  TOO_MANY_LEARNERS(Code.FAILED_PRECONDITION, "etcdserver: too many learner members in cluster"),
  REQUEST_TOO_LARGE(Code.INVALID_ARGUMENT, "etcdserver: request is too large"),
  NO_LEADER(Code.UNAVAILABLE, "etcdserver: no leader"),
  NOT_LEADER(Code.FAILED_PRECONDITION, "etcdserver: not leader"),
  LEADER_CHANGED(
      Code.UNAVAILABLE, "etcdserver: leader changed"),
  NOT_CAPABLE(Code.UNAVAILABLE, "etcdserver: not capable"),
  STOPPED(Code.UNAVAILABLE, "etcdserver: server stopped"),
  TIMEOUT(Code.UNAVAILABLE, "etcdserver: request timed out"),
  TIMEOUT_DUE_TO_LEADER_FAIL(
      Code.UNAVAILABLE, "etcdserver: request timed out, possibly due to previous leader failure"),
  TIMEOUT_DUE_TO_CONNECTION_LOST(
      Code.UNAVAILABLE, "etcdserver: request timed out, possibly due to connection lost"),
  UNHEALTHY(Code.UNAVAILABLE, "etcdserver: unhealthy cluster"),
  CORRUPT(Code.DATA_LOSS, "etcdserver: corrupt cluster"),
  BAD_LEADER_TRANSFEREE(Code.FAILED_PRECONDITION, "etcdserver: bad leader transferee"),
  GRPC_NOT_SUPPORTED_FOR_LEARNER(Code.UNAVAILABLE, "etcdserver: rpc not supported for learner"),
  TOO_MANY_REQUESTS(Code.RESOURCE_EXHAUSTED, "etcdserver: too many requests"),
  ROOT_USER_NOT_EXIST(Code.FAILED_PRECONDITION, "etcdserver: root user does not exist"),
  ROOT_ROLE_NOT_EXIST(Code.FAILED_PRECONDITION, "etcdserver: root user does not have root role"),
  USER_ALREADY_EXIST(Code.FAILED_PRECONDITION, "etcdserver: user name already exists"),
  USER_EMPTY(Code.INVALID_ARGUMENT, "etcdserver: user name is empty"),
  USER_NOT_FOUND(Code.FAILED_PRECONDITION, "etcdserver: user name not found"),
  ROLE_ALREADY_EXIST(Code.FAILED_PRECONDITION, "etcdserver: role name already exists"),
  ROLE_NOT_FOUND(Code.FAILED_PRECONDITION, "etcdserver: role name not found"),
  ROLE_EMPTY(Code.INVALID_ARGUMENT, "etcdserver: role name is empty"),
  AUTH_FAILED(Code.INVALID_ARGUMENT, "etcdserver: authentication failed, invalid user ID or password"),
  PERMISSION_DENIED(Code.PERMISSION_DENIED, "etcdserver: permission denied"),
  ROLE_NOT_GRANTED(Code.FAILED_PRECONDITION, "etcdserver: role is not granted to the user"),
  PERMISSION_NOT_GRANTED(Code.FAILED_PRECONDITION, "etcdserver: permission is not granted to the role"),
  AUTH_NOT_ENABLED(Code.FAILED_PRECONDITION, "etcdserver: authentication is not enabled"),
  INVALID_AUTH_TOKEN(Code.UNAUTHENTICATED, "etcdserver: invalid auth token"),
  AUTH_OLD_REVISION(Code.INVALID_ARGUMENT, "etcdserver: revision of auth store is old"),
  INVALID_AUTH_MGMT(Code.INVALID_ARGUMENT, "etcdserver: invalid auth management");

  /** gRPC status codes, named as in {@code io.grpc.Status.Code}; kept here so the store needs no gRPC. */
  public enum Code {
    INVALID_ARGUMENT,
    OUT_OF_RANGE,
    RESOURCE_EXHAUSTED,
    NOT_FOUND,
    FAILED_PRECONDITION,
    UNAVAILABLE,
    DATA_LOSS,
    PERMISSION_DENIED,
    UNAUTHENTICATED,
    INTERNAL
  }

  private final Code code;
  private final String message;

  EtcdError(Code code, String message) {
    this.code = code;
    this.message = message;
  }

  public Code code() {
    return code;
  }

  public String message() {
    return message;
  }

  public EtcdException exception() {
    return new EtcdException(this);
  }
}
