package io.cairn.gateway.server;

import io.cairn.gateway.proxy.BodyFilter;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Writes a {@link Target.Stream}: the head, then the body through a {@link ChunkedWriteHandler}
 * (added to the pipeline right after the HTTP/1 or HTTP/2 handler the first time a connection or
 * stream needs one, so the handler still sees every piece and its framing), or as a {@link
 * DefaultFileRegion} (sendfile) for one file part on HTTP/1.1 cleartext without a filter.
 */
final class StreamWriter {
  private static final String HANDLER = "chunkedWriter";

  private StreamWriter() {}

  static void write(Channel client, Exchange exchange, Target.Stream s) {
    int code = s.status();
    boolean bodyless = code == 204 || code == 304;
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code));
    for (Map.Entry<String, String> h : s.headers().entrySet()) {
      head.headers().set(h.getKey(), h.getValue());
    }
    for (String cookie : s.setCookies()) {
      head.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
    }
    if (s.filter() == BodyFilter.NONE && !bodyless) {
      head.headers().set(HttpHeaderNames.CONTENT_LENGTH, s.length());
    }
    if (exchange.headRequest || bodyless || s.parts().isEmpty() && s.filter() == BodyFilter.NONE) {
      s.filter().close();
      DefaultFullHttpResponse full = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, head.status(), Unpooled.EMPTY_BUFFER);
      full.headers().set(head.headers());
      client.writeAndFlush(full);
      return;
    }
    PartsInput input;
    try {
      input = new PartsInput(s);
    } catch (IOException | RuntimeException e) {
      s.filter().close();
      client.writeAndFlush(Responses.of(e instanceof NoSuchFileException
          ? Target.Respond.text(404, "404 page not found\n")
          : Target.Respond.text(500, "500 Internal Server Error\n"), exchange.headRequest));
      return;
    }
    if (s.parts().size() == 1 && s.parts().getFirst() instanceof Target.Part.FileRange f
        && s.filter() == BodyFilter.NONE && client.parent() == null
        && client.pipeline().get(SslHandler.class) == null) {
      client.write(head);
      client.write(new DefaultFileRegion(input.channel(f.file()), f.offset(), f.length()))
          .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
      client.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
          .addListener(done -> input.close());
      return;
    }
    ensureChunkedWriter(client.pipeline());
    client.write(head);
    client.writeAndFlush(input).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  private static void ensureChunkedWriter(ChannelPipeline p) {
    if (p.get(HANDLER) != null) {
      return;
    }
    ChannelHandlerContext owner = p.context(Http1ServerHandler.class);
    if (owner == null) {
      owner = p.context(Http2StreamHandler.class);
    }
    if (owner == null) {
      p.addLast(HANDLER, new ChunkedWriteHandler());
    } else {
      p.addAfter(owner.name(), HANDLER, new ChunkedWriteHandler());
    }
  }
}
