package io.cairn.gateway.server;

import io.cairn.gateway.proxy.ForwardRequest;
import io.cairn.gateway.proxy.Forwarder;
import io.cairn.gateway.proxy.Forwarding;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A Forwarder for server tests: records what would be forwarded and answers 200 "ok". */
final class RecordingForwarder implements Forwarder {
  /** One forwarded request: its head, the body bytes seen, and whether the body ended. */
  static final class Forwarded {
    final ForwardRequest request;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean complete;
    boolean aborted;

    Forwarded(ForwardRequest request) {
      this.request = request;
    }
  }

  final List<Forwarded> forwarded = new ArrayList<>();

  @Override
  public Forwarding forward(ForwardRequest request, Channel client) {
    Forwarded f = new Forwarded(request);
    forwarded.add(f);
    return new Forwarding() {
      @Override
      public void content(HttpContent content) {
        byte[] bytes = new byte[content.content().readableBytes()];
        content.content().readBytes(bytes);
        f.body.writeBytes(bytes);
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last) {
          f.complete = true;
          FullHttpResponse res = new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.copiedBuffer(new byte[] {'o', 'k'}));
          res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
          client.writeAndFlush(res);
        }
      }

      @Override
      public void clientWritabilityChanged() {}

      @Override
      public void abort() {
        f.aborted = true;
      }
    };
  }

  List<Forwarded> completed() {
    return forwarded.stream().filter(f -> f.complete).toList();
  }
}
