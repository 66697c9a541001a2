package io.cairn.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Complete responses the server writes itself. */
final class Responses {
  private Responses() {}

  /** A {@link Target.Respond} as a Netty response; for HEAD the body is left out. */
  static FullHttpResponse of(Target.Respond respond, boolean headRequest) {
    FullHttpResponse res = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(respond.status()),
        headRequest ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(respond.body()));
    for (Map.Entry<String, String> h : respond.headers().entrySet()) {
      res.headers().set(h.getKey(), h.getValue());
    }
    for (String cookie : respond.setCookies()) {
      res.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
    }
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, respond.body().length);
    return res;
  }

  /** An error answer closing the connection: {@code text/plain}, body {@code "400 Bad Request"}. */
  static FullHttpResponse error(HttpResponseStatus status, boolean close) {
    byte[] body = (status.code() + " " + status.reasonPhrase()).getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (close) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return res;
  }
}
