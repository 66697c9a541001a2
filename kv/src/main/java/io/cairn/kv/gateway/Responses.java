package io.cairn.kv.gateway;

import io.grpc.Status;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Whole HTTP responses of the gateway. */
final class Responses {
  private Responses() {}

  static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, byte[] body, boolean keepAlive) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    cors(r.headers());
    HttpUtil.setContentLength(r, body.length);
    HttpUtil.setKeepAlive(r, keepAlive);
    var f = ctx.writeAndFlush(r);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** etcd's client port allows any origin (its default --cors="*"). */
  static void cors(io.netty.handler.codec.http.HttpHeaders h) {
    h.set("Access-Control-Allow-Origin", "*");
    h.set("Access-Control-Allow-Methods", "POST, GET, OPTIONS, PUT, DELETE");
    h.set("Access-Control-Allow-Headers", "accept, content-type, authorization");
  }

  /** A plain-text answer as Go's http.Error writes it (the text and a newline). */
  static void text(ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean keepAlive) {
    send(ctx, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8), keepAlive);
  }

  static void json(ChannelHandlerContext ctx, HttpResponseStatus status, String json, boolean keepAlive) {
    send(ctx, status, "application/json", json.getBytes(StandardCharsets.UTF_8), keepAlive);
  }

  static void sendError(ChannelHandlerContext ctx, Status s, boolean keepAlive) {
    json(ctx, httpStatus(s.getCode()), Json.error(s), keepAlive);
  }

  /** grpc-gateway v1's mapping of gRPC codes to HTTP statuses (etcd 3.4: FAILED_PRECONDITION is 412). */
  static HttpResponseStatus httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> HttpResponseStatus.OK;
      case CANCELLED -> HttpResponseStatus.REQUEST_TIMEOUT;
      case INVALID_ARGUMENT, OUT_OF_RANGE -> HttpResponseStatus.BAD_REQUEST;
      case FAILED_PRECONDITION -> HttpResponseStatus.PRECONDITION_FAILED;
      case DEADLINE_EXCEEDED -> HttpResponseStatus.GATEWAY_TIMEOUT;
      case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
      case ALREADY_EXISTS, ABORTED -> HttpResponseStatus.CONFLICT;
      case PERMISSION_DENIED -> HttpResponseStatus.FORBIDDEN;
      case UNAUTHENTICATED -> HttpResponseStatus.UNAUTHORIZED;
      case RESOURCE_EXHAUSTED -> HttpResponseStatus.TOO_MANY_REQUESTS;
      case UNIMPLEMENTED -> HttpResponseStatus.NOT_IMPLEMENTED;
      case UNAVAILABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
      default -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
    };
  }
}
