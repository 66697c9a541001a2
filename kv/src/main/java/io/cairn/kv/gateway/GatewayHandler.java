package io.cairn.kv.gateway;

import com.google.protobuf.Message;
import io.cairn.kv.api.LeaseLeases;
import io.cairn.kv.api.MaintenanceService;
import io.cairn.kv.api.AuthGuard;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.AuthDisableRequest;
import io.etcd.jetcd.api.AuthEnableRequest;
import io.etcd.jetcd.api.AuthRoleAddRequest;
import io.etcd.jetcd.api.AuthRoleDeleteRequest;
import io.etcd.jetcd.api.AuthRoleGetRequest;
import io.etcd.jetcd.api.AuthRoleGrantPermissionRequest;
import io.etcd.jetcd.api.AuthRoleListRequest;
import io.etcd.jetcd.api.AuthRoleRevokePermissionRequest;
import io.etcd.jetcd.api.AuthUserAddRequest;
import io.etcd.jetcd.api.AuthUserChangePasswordRequest;
import io.etcd.jetcd.api.AuthUserDeleteRequest;
import io.etcd.jetcd.api.AuthUserGetRequest;
import io.etcd.jetcd.api.AuthUserGrantRoleRequest;
import io.etcd.jetcd.api.AuthUserListRequest;
import io.etcd.jetcd.api.AuthUserRevokeRoleRequest;
import io.etcd.jetcd.api.AuthenticateRequest;
import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.DefragmentRequest;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.HashRequest;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseKeepAliveRequest;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.etcd.jetcd.api.LeaseTimeToLiveRequest;
import io.etcd.jetcd.api.MemberAddRequest;
import io.etcd.jetcd.api.MemberListRequest;
import io.etcd.jetcd.api.MemberPromoteRequest;
import io.etcd.jetcd.api.MemberRemoveRequest;
import io.etcd.jetcd.api.MemberUpdateRequest;
import io.etcd.jetcd.api.MoveLeaderRequest;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.SnapshotRequest;
import io.etcd.jetcd.api.SnapshotResponse;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.WatchRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.etcd.jetcd.api.CampaignRequest;
import io.etcd.jetcd.api.LeaderRequest;
import io.etcd.jetcd.api.LeaderResponse;
import io.etcd.jetcd.api.ProclaimRequest;
import io.etcd.jetcd.api.ResignRequest;
import io.etcd.jetcd.api.lock.LockRequest;
import io.etcd.jetcd.api.lock.UnlockRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** Routes gateway requests to the services; see the package documentation. */
final class GatewayHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final Gateway g;
  private final Map<String, Unary<?>> unary = new HashMap<>();
  private HttpStream<?> stream; // the connection's streaming response, if any (event loop only)
  private final Set<Context.CancellableContext> inFlight = ConcurrentHashMap.newKeySet(); // unary calls

  /**
   * A unary route: how to build the request, and the service method. A {@code waits} route may wait
   * long (lock and election calls); it runs in a context that the client's disconnect cancels.
   */
  private record Unary<Q extends Message>(
      Supplier<Message.Builder> builder, BiConsumer<Q, StreamObserver<? extends Message>> call, boolean waits) {}

  private <Q extends Message, R extends Message> void route(
      String path, Supplier<Message.Builder> builder, BiConsumer<Q, StreamObserver<R>> call) {
    add(path, builder, call, false);
  }

  /** A route whose call may wait long: cancelled when the client goes away. */
  private <Q extends Message, R extends Message> void waitingRoute(
      String path, Supplier<Message.Builder> builder, BiConsumer<Q, StreamObserver<R>> call) {
    add(path, builder, call, true);
  }

  @SuppressWarnings("unchecked")
  private <Q extends Message, R extends Message> void add(
      String path, Supplier<Message.Builder> builder, BiConsumer<Q, StreamObserver<R>> call, boolean waits) {
    unary.put(path, new Unary<Q>(builder, (q, o) -> call.accept(q, (StreamObserver<R>) o), waits));
  }

  GatewayHandler(Gateway g) {
    this.g = g;
    route("/v3/kv/range", RangeRequest::newBuilder, g.kv()::range);
    route("/v3/kv/put", PutRequest::newBuilder, g.kv()::put);
    route("/v3/kv/deleterange", DeleteRangeRequest::newBuilder, g.kv()::deleteRange);
    route("/v3/kv/txn", TxnRequest::newBuilder, g.kv()::txn);
    route("/v3/kv/compaction", CompactionRequest::newBuilder, g.kv()::compact);
    route("/v3/lease/grant", LeaseGrantRequest::newBuilder, g.lease()::leaseGrant);
    route("/v3/lease/revoke", LeaseRevokeRequest::newBuilder, g.lease()::leaseRevoke);
    route("/v3/kv/lease/revoke", LeaseRevokeRequest::newBuilder, g.lease()::leaseRevoke);
    route("/v3/lease/timetolive", LeaseTimeToLiveRequest::newBuilder, g.lease()::leaseTimeToLive);
    route("/v3/kv/lease/timetolive", LeaseTimeToLiveRequest::newBuilder, g.lease()::leaseTimeToLive);
    route("/v3/cluster/member/add", MemberAddRequest::newBuilder, g.cluster()::memberAdd);
    route("/v3/cluster/member/remove", MemberRemoveRequest::newBuilder, g.cluster()::memberRemove);
    route("/v3/cluster/member/update", MemberUpdateRequest::newBuilder, g.cluster()::memberUpdate);
    route("/v3/cluster/member/list", MemberListRequest::newBuilder, g.cluster()::memberList);
    route("/v3/cluster/member/promote", MemberPromoteRequest::newBuilder, g.cluster()::memberPromote);
    route("/v3/maintenance/alarm", AlarmRequest::newBuilder, g.maintenance()::alarm);
    route("/v3/maintenance/status", StatusRequest::newBuilder, g.maintenance()::status);
    route("/v3/maintenance/defragment", DefragmentRequest::newBuilder, g.maintenance()::defragment);
    route("/v3/maintenance/hash", HashRequest::newBuilder, g.maintenance()::hash);
    // no /v3/maintenance/hashkv: etcd 3.4.23's gateway has no such route (404)
    route("/v3/maintenance/transfer-leadership", MoveLeaderRequest::newBuilder, g.maintenance()::moveLeader);
    route("/v3/auth/enable", AuthEnableRequest::newBuilder, g.auth()::authEnable);
    route("/v3/auth/disable", AuthDisableRequest::newBuilder, g.auth()::authDisable);
    route("/v3/auth/authenticate", AuthenticateRequest::newBuilder, g.auth()::authenticate);
    route("/v3/auth/user/add", AuthUserAddRequest::newBuilder, g.auth()::userAdd);
    route("/v3/auth/user/get", AuthUserGetRequest::newBuilder, g.auth()::userGet);
    route("/v3/auth/user/list", AuthUserListRequest::newBuilder, g.auth()::userList);
    route("/v3/auth/user/delete", AuthUserDeleteRequest::newBuilder, g.auth()::userDelete);
    route("/v3/auth/user/changepw", AuthUserChangePasswordRequest::newBuilder, g.auth()::userChangePassword);
    route("/v3/auth/user/grant", AuthUserGrantRoleRequest::newBuilder, g.auth()::userGrantRole);
    route("/v3/auth/user/revoke", AuthUserRevokeRoleRequest::newBuilder, g.auth()::userRevokeRole);
    route("/v3/auth/role/add", AuthRoleAddRequest::newBuilder, g.auth()::roleAdd);
    route("/v3/auth/role/get", AuthRoleGetRequest::newBuilder, g.auth()::roleGet);
    route("/v3/auth/role/list", AuthRoleListRequest::newBuilder, g.auth()::roleList);
    route("/v3/auth/role/delete", AuthRoleDeleteRequest::newBuilder, g.auth()::roleDelete);
    route("/v3/auth/role/grant", AuthRoleGrantPermissionRequest::newBuilder, g.auth()::roleGrantPermission);
    route("/v3/auth/role/revoke", AuthRoleRevokePermissionRequest::newBuilder, g.auth()::roleRevokePermission);
    waitingRoute("/v3/lock/lock", LockRequest::newBuilder, g.lock()::lock);
    waitingRoute("/v3/lock/unlock", UnlockRequest::newBuilder, g.lock()::unlock);
    waitingRoute("/v3/election/campaign", CampaignRequest::newBuilder, g.election()::campaign);
    waitingRoute("/v3/election/proclaim", ProclaimRequest::newBuilder, g.election()::proclaim);
    waitingRoute("/v3/election/leader", LeaderRequest::newBuilder, g.election()::leader);
    waitingRoute("/v3/election/resign", ResignRequest::newBuilder, g.election()::resign);
  }

  /** etcd 3.4 serves the same API under /v3 and /v3beta (/v3alpha is gone: 404). */
  static String normalize(String uri) {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    if (path.startsWith("/v3beta/")) {
      return "/v3/" + path.substring("/v3beta/".length());
    }
    return path;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    if (!req.decoderResult().isSuccess()) {
      Responses.json(ctx, HttpResponseStatus.BAD_REQUEST,
          Json.error(Status.INVALID_ARGUMENT.withDescription("malformed HTTP request")), false);
      return;
    }
    String path = normalize(req.uri());
    HttpMethod method = req.method();
    if (method.equals(HttpMethod.OPTIONS)) {
      Responses.send(ctx, HttpResponseStatus.OK, "text/plain; charset=utf-8", new byte[0], keepAlive); // CORS preflight
      return;
    }
    boolean getRoute = GET_ROUTES.contains(path);
    boolean postRoute = unary.containsKey(path) || STREAM_ROUTES.contains(path);
    if (!getRoute && !postRoute) {
      notFound(ctx, path, method, keepAlive);
      return;
    }
    if (!method.equals(getRoute ? HttpMethod.GET : HttpMethod.POST)) {
      Responses.text(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", keepAlive);
      return;
    }
    if (getRoute) {
      get(ctx, path, keepAlive);
      return;
    }
    byte[] body = ByteBufUtil.getBytes(req.content());
    // grpc-gateway passes the Authorization header on as the call's token (etcd's AuthInfoFromCtx)
    AuthGuard.withToken(req.headers().get(HttpHeaderNames.AUTHORIZATION), () -> post(ctx, path, body, keepAlive));
  }

  private void post(ChannelHandlerContext ctx, String path, byte[] body, boolean keepAlive) {
    try {
      switch (path) {
        case "/v3/watch" -> watch(ctx, body, keepAlive);
        case "/v3/lease/keepalive" -> keepAlive(ctx, body, keepAlive);
        case "/v3/election/observe" -> {
          LeaderRequest request = Json.parse(body, LeaderRequest.newBuilder()).build();
          HttpStream<LeaderResponse> s = open(ctx, keepAlive);
          g.election().observe(request, s);
        }
        case "/v3/lease/leases", "/v3/kv/lease/leases" -> leases(ctx, keepAlive);
        case "/v3/maintenance/snapshot" -> {
          Json.parse(body, SnapshotRequest.newBuilder());
          HttpStream<SnapshotResponse> s = open(ctx, keepAlive);
          g.maintenance().snapshot(SnapshotRequest.getDefaultInstance(), s);
        }
        default -> unary(ctx, path, body, keepAlive);
      }
    } catch (Json.BadRequest e) {
      Responses.sendError(ctx, Status.INVALID_ARGUMENT.withDescription(e.getMessage()), keepAlive);
    }
  }


  static final java.util.Set<String> GET_ROUTES = java.util.Set.of("/health", "/version", "/metrics");
  static final java.util.Set<String> STREAM_ROUTES =
      java.util.Set.of("/v3/watch", "/v3/lease/keepalive", "/v3/lease/leases", "/v3/kv/lease/leases",
          "/v3/maintenance/snapshot", "/v3/election/observe");

  /**
   * What etcd answers for a path it does not serve: grpc-gateway's "Not Found" under /v3/, Go's
   * "404 page not found" elsewhere.
   */
  private static void notFound(ChannelHandlerContext ctx, String path, HttpMethod method, boolean keepAlive) {
    if (path.startsWith("/v3/")) {
      Responses.text(ctx, HttpResponseStatus.NOT_FOUND, "Not Found", keepAlive);
    } else {
      Responses.text(ctx, HttpResponseStatus.NOT_FOUND, "404 page not found", keepAlive);
    }
  }

  private void get(ChannelHandlerContext ctx, String path, boolean keepAlive) {
    switch (path) {
      case "/health" -> {
        boolean ok = g.healthy().getAsBoolean();
        // etcd's health handler sets no Content-Type, so Go sniffs its JSON as text/plain
        Responses.send(ctx, ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
            "text/plain; charset=utf-8", ("{\"health\":\"" + ok + "\"}").getBytes(StandardCharsets.UTF_8),
            keepAlive);
      }
      case "/version" ->
          Responses.json(ctx, HttpResponseStatus.OK,
              "{\"etcdserver\":\"" + MaintenanceService.ETCD_VERSION + "\",\"etcdcluster\":\"3.4.0\"}", keepAlive);
      case "/metrics" -> {
        var writer = ExpositionFormats.init().getPrometheusTextFormatWriter();
        var out = new ByteArrayOutputStream();
        try {
          writer.write(out, g.registry().scrape());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        Responses.send(ctx, HttpResponseStatus.OK, writer.getContentType(), out.toByteArray(), keepAlive);
      }
      default -> throw new IllegalStateException("not a GET route: " + path);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void unary(ChannelHandlerContext ctx, String path, byte[] body, boolean keepAlive) throws Json.BadRequest {
    Unary route = unary.get(path);
    Message request = Json.parse(body, (Message.Builder) route.builder().get()).build();
    // As grpc-gateway's request context: cancelled when the client goes away (a waiting lock
    // then gives up its place). Only for calls that may wait: others answer without it.
    Context.CancellableContext call = route.waits() ? Context.current().withCancellation() : null;
    if (call != null) {
      inFlight.add(call);
    }
    StreamObserver<Message> reply = new StreamObserver<>() {
      @Override
      public void onNext(Message value) {
        done(call);
        Responses.json(ctx, HttpResponseStatus.OK, Json.print(value), keepAlive);
      }

      @Override
      public void onError(Throwable t) {
        done(call);
        Responses.sendError(ctx, Status.fromThrowable(t), keepAlive);
      }

      @Override
      public void onCompleted() {}
    };
    if (call == null) {
      route.call().accept(request, reply);
    } else {
      call.run(() -> route.call().accept(request, reply));
    }
  }

  private void done(Context.CancellableContext call) {
    if (call == null) {
      return;
    }
    inFlight.remove(call);
    call.cancel(null); // releases the context's listeners; the call is over
  }

  private void leases(ChannelHandlerContext ctx, boolean keepAlive) {
    LeaseLeases.Response r = g.lease().leases();
    StringBuilder json = new StringBuilder("{\"header\":").append(Json.print(r.header()));
    // an empty repeated field is left out, as grpc-gateway's marshaler does
    for (int i = 0; i < r.ids().size(); i++) {
      json.append(i == 0 ? ",\"leases\":[" : ",").append("{\"ID\":\"").append(r.ids().get(i)).append("\"}");
    }
    Responses.json(ctx, HttpResponseStatus.OK, json.append(r.ids().isEmpty() ? "}" : "]}").toString(), keepAlive);
  }

  private <T extends Message> HttpStream<T> open(ChannelHandlerContext ctx, boolean keepAlive) {
    HttpStream<T> s = new HttpStream<>(ctx, keepAlive);
    stream = s;
    return s;
  }

  private void watch(ChannelHandlerContext ctx, byte[] body, boolean keepAlive) throws Json.BadRequest {
    WatchRequest request = Json.parse(body, WatchRequest.newBuilder()).build();
    HttpStream<WatchResponse> s = open(ctx, keepAlive);
    StreamObserver<WatchRequest> in = g.watch().watch(s);
    in.onNext(request);
    in.onCompleted();
  }

  private void keepAlive(ChannelHandlerContext ctx, byte[] body, boolean keepAlive) throws Json.BadRequest {
    LeaseKeepAliveRequest request = Json.parse(body, LeaseKeepAliveRequest.newBuilder()).build();
    HttpStream<LeaseKeepAliveResponse> s = open(ctx, keepAlive);
    StreamObserver<LeaseKeepAliveRequest> in = g.lease().leaseKeepAlive(s);
    in.onNext(request);
    in.onCompleted();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (stream != null) {
      stream.writable();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (stream != null) {
      stream.cancel();
    }
    for (Context.CancellableContext call : inFlight) {
      call.cancel(null);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent && stream == null) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
