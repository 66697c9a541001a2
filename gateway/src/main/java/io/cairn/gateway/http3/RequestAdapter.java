package io.cairn.gateway.http3;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.http3.HttpConversionUtil;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Between Netty's {@code Http3FrameToHttpObjectCodec} and the shared stream handler: turns one
 * HTTP/3 request stream into what {@code server.StreamDispatch} expects, and applies the entry
 * point's limits.
 *
 * <ul>
 *   <li>Removes the codec's {@code x-http3-*} extension headers and the {@code Transfer-Encoding:
 *       chunked} it adds (HTTP/3 has no transfer codings; the proxy frames the upstream body).
 *   <li>Holds the head until it knows whether a body follows: a FIN before any DATA makes it a
 *       {@code FullHttpRequest} (forwarded without a body); DATA, or the end of a read batch with
 *       the stream still open, releases it as a streaming request. Nothing waits on the client.
 *   <li>A head larger than {@code maxHeaderBytes} (HTTP/2's accounting: name + value + 32 per
 *       field, plus method and path) is answered 431; a Content-Length or a streamed body above
 *       {@code maxBodyBytes} (0 = unlimited) is answered 413 while no response has started, else
 *       the stream is reset with H3_REQUEST_CANCELLED. Bodies are text/plain {@code "431 Request
 *       Header Fields Too Large"}, as on HTTP/1.
 * </ul>
 *
 * One instance per stream; touched only on the connection's event loop.
 */
final class RequestAdapter extends ChannelDuplexHandler {
  private final int maxHeaderBytes;
  private final long maxBodyBytes;
  private HttpRequest pending;
  private boolean passed;
  private boolean rejected;
  private boolean responseStarted;
  private long bodyBytes;
  private boolean outputDone;

  RequestAdapter(int maxHeaderBytes, long maxBodyBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (rejected) {
      ReferenceCountUtil.release(msg);
    } else if (msg instanceof HttpRequest req && !passed && pending == null) {
      head(ctx, req);
    } else if (msg instanceof HttpContent c && (passed || pending != null)) {
      bodyBytes += c.content().readableBytes();
      if (maxBodyBytes > 0 && bodyBytes > maxBodyBytes) {
        c.release();
        reject(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      if (pending != null) {
        if (c instanceof LastHttpContent last && !c.content().isReadable()
            && last.trailingHeaders().isEmpty()) {
          c.release();
          release(ctx, new DefaultFullHttpRequest(pending.protocolVersion(), pending.method(),
              pending.uri(), Unpooled.EMPTY_BUFFER, pending.headers(),
              io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE));
          return;
        }
        release(ctx, pending);
      }
      ctx.fireChannelRead(c);
    } else {
      ReferenceCountUtil.release(msg); // a second head, or content without one: codec enforces order
    }
  }

  private void head(ChannelHandlerContext ctx, HttpRequest req) {
    for (HttpConversionUtil.ExtensionHeaderNames n : HttpConversionUtil.ExtensionHeaderNames.values()) {
      req.headers().remove(n.text());
    }
    req.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
    if (headerBytes(req) > maxHeaderBytes) {
      reject(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    } else if (maxBodyBytes > 0 && HttpUtil.getContentLength(req, 0L) > maxBodyBytes) {
      reject(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    } else {
      pending = req;
    }
  }

  static long headerBytes(HttpRequest req) {
    long n = req.method().name().length() + req.uri().length() + 64;
    for (Map.Entry<String, String> h : req.headers()) {
      n += h.getKey().length() + h.getValue().length() + 32;
    }
    return n;
  }

  private void release(ChannelHandlerContext ctx, HttpRequest head) {
    pending = null;
    passed = true;
    ctx.fireChannelRead(head);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    // the FIN, if it came in this batch, is already known; its LastHttpContent follows this event
    if (pending != null && !((QuicStreamChannel) ctx.channel()).isInputShutdown()) {
      release(ctx, pending);
    }
    ctx.fireChannelReadComplete();
  }

  /** Answers {@code status} itself (or resets the stream if a response already started). */
  private void reject(ChannelHandlerContext ctx, HttpResponseStatus status) {
    rejected = true;
    pending = null;
    QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
    if (responseStarted) {
      stream.shutdownOutput(Http3ErrorCode.H3_REQUEST_CANCELLED.code())
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.writeAndFlush(error(status)).addListener(f -> {
      if (!stream.isInputShutdown()) {
        stream.shutdownInput(Http3ErrorCode.H3_NO_ERROR.code()); // STOP_SENDING: body unwanted
      }
      // an exchange under way is aborted by the close (its upstream connection is closed)
      ctx.executor().execute(ctx::close);
    });
  }

  static FullHttpResponse error(HttpResponseStatus status) {
    byte[] body = (status.code() + " " + status.reasonPhrase()).getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return res;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (rejected) {
      ReferenceCountUtil.release(msg); // the upstream's answer to a request we already refused
      promise.trySuccess();
      return;
    }
    if (msg instanceof HttpResponse res && res.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
      responseStarted = true;
    }
    if (msg instanceof LastHttpContent) {
      promise = promise.unvoid();
      promise.addListener(f -> {
        outputDone = true;
        closeIfDone(ctx);
      });
    }
    ctx.write(msg, promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    ctx.fireUserEventTriggered(evt);
    closeIfDone(ctx); // ChannelInputShutdown*: the request's FIN arrived
  }

  /**
   * Netty keeps a QUIC stream channel open after both FINs; the exchange is over then, so the
   * channel is closed (on a later tick, after the codec's own FIN listener ran).
   */
  private void closeIfDone(ChannelHandlerContext ctx) {
    if (outputDone && ((QuicStreamChannel) ctx.channel()).isInputShutdown()) {
      ctx.executor().execute(ctx::close);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (pending != null) {
      ReferenceCountUtil.release(pending);
      pending = null;
    }
  }
}
