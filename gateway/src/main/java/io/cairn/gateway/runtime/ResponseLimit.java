package io.cairn.gateway.runtime;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * {@code buffering.maxResponseBodyBytes} for one request, as an outbound handler put at the end of
 * the client's pipeline while the response goes out (as {@link ErrorPages} is): the response is
 * held whole until its end; one whose body turns out longer than the limit (or announces a longer
 * {@code Content-Length}) is dropped and the client gets oxy's answer, {@code 500 Internal Server
 * Error}, once the upstream has finished sending (the rest is read and dropped, never held). A
 * response within the limit is written as it came, all at once. Informational heads (100, 103) pass
 * at once; a 101 and what follows (an upgraded connection), and the answers without a body (to
 * HEAD, 204, 304), pass untouched. The handler removes itself when its response ended.
 *
 * <p>Memory: at most {@code limit} body bytes per request, and the limit itself is at most {@link
 * #MAX_LIMIT} (a larger configured value holds {@link #MAX_LIMIT}); all responses held at once
 * hold at most {@link #MAX_TOTAL} (the response that would go over is answered 500). Responses are
 * held in memory, where oxy spills to disk above {@code memResponseBodyBytes}.
 */
final class ResponseLimit extends ResponseHandler {
  /** The most a response may be held in memory, whatever {@code maxResponseBodyBytes} says. */
  static final long MAX_LIMIT = 64L * 1024 * 1024;

  /**
   * The most all responses held at once may hold; a response whose next piece would go over it is
   * answered 500 as a too long one is.
   */
  static final long MAX_TOTAL = 256L * 1024 * 1024;

  /** Body bytes held by every ResponseLimit of the process. */
  private static final java.util.concurrent.atomic.AtomicLong HELD_TOTAL = new java.util.concurrent.atomic.AtomicLong();

  private final long limit;
  private final boolean headRequest;
  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private final ArrayDeque<ChannelPromise> promises = new ArrayDeque<>();
  private long bytes;
  /** Body bytes this handler holds, counted in {@link #HELD_TOTAL}. */
  private long heldBytes;
  private boolean tooLarge;

  /**
   * @param maxResponseBodyBytes above 0
   * @param headRequest whether the request is a HEAD (its answer has no body to limit)
   */
  ResponseLimit(long maxResponseBodyBytes, boolean headRequest) {
    this.headRequest = headRequest;
    if (maxResponseBodyBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBodyBytes is " + maxResponseBodyBytes + "; expected > 0");
    }
    this.limit = Math.min(maxResponseBodyBytes, MAX_LIMIT);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof io.netty.handler.codec.http.HttpObject)) {
      ctx.write(msg, promise); // not HTTP (a tunnel's bytes): nothing to limit
      return;
    }
    if (msg instanceof HttpResponse r && r.status().code() < 200) {
      ctx.write(msg, promise);
      if (r.status().code() == 101) {
        remove(ctx); // switched protocols: what follows is a tunnel, as oxy lets hijacked connections through
      }
      return;
    }
    if (msg instanceof HttpResponse r && held.isEmpty() && !tooLarge) {
      int code = r.status().code();
      if (headRequest || code == 204 || code == 304) {
        ctx.write(msg, promise); // no body: nothing to limit (its Content-Length describes another answer)
        remove(ctx);
        return;
      }
      if (HttpUtil.getContentLength(r, -1L) > limit) {
        tooLarge = true;
      }
    }
    if (msg instanceof HttpContent c) {
      int n = c.content().readableBytes();
      bytes += n;
      tooLarge |= bytes > limit;
      if (!tooLarge && n > 0) {
        heldBytes += n;
        tooLarge = HELD_TOTAL.addAndGet(n) > MAX_TOTAL;
      }
    }
    boolean last = msg instanceof LastHttpContent;
    if (tooLarge) {
      releaseHeld();
      ReferenceCountUtil.release(msg);
      promise.setSuccess();
      if (last) {
        byte[] body = "Internal Server Error".getBytes(StandardCharsets.UTF_8);
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.INTERNAL_SERVER_ERROR, Unpooled.wrappedBuffer(body));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.writeAndFlush(out);
        remove(ctx);
      }
      return;
    }
    held.add(msg);
    promises.add(promise);
    if (last) {
      while (!held.isEmpty()) {
        ctx.write(held.poll(), promises.poll());
      }
      unhold();
      ctx.flush();
      remove(ctx);
    }
  }

  /** Body bytes held by every ResponseLimit of the process now (tests, metrics). */
  static long heldTotal() {
    return HELD_TOTAL.get();
  }

  /** Nothing is held any more: gives the bytes back to the process-wide budget. */
  private void unhold() {
    HELD_TOTAL.addAndGet(-heldBytes);
    heldBytes = 0;
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (held.isEmpty() && !tooLarge) {
      ctx.flush();
    }
  }

  private void releaseHeld() {
    while (!held.isEmpty()) {
      ReferenceCountUtil.release(held.poll());
      promises.poll().setSuccess();
    }
    unhold();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseHeld();
  }
}
