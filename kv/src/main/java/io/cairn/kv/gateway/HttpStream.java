package io.cairn.kv.gateway;

import com.google.protobuf.Message;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/**
 * A gRPC server stream answered over HTTP/1.1 as grpc-gateway does: a chunked 200 response with one
 * {@code {"result":...}} line per message, or an {@code {"error":...}} line if the call fails. The
 * service objects see a normal {@link ServerCallStreamObserver}: readiness follows the channel's
 * writability, and closing the connection cancels the call. Thread-safe: writes go through the
 * channel, which orders them on its event loop.
 */
final class HttpStream<T extends Message> extends ServerCallStreamObserver<T> {
  private final ChannelHandlerContext ctx;
  private final boolean keepAlive;
  private boolean headersSent; // guarded by this
  private boolean finished; // guarded by this
  private volatile Runnable onReady;
  private volatile Runnable onCancel;
  private volatile boolean cancelled;

  HttpStream(ChannelHandlerContext ctx, boolean keepAlive) {
    this.ctx = ctx;
    this.keepAlive = keepAlive;
  }

  private void sendHeadersIfNeeded() {
    if (!headersSent) {
      headersSent = true;
      DefaultHttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      Responses.cors(r.headers());
      ctx.write(r);
    }
  }

  private void line(String json) {
    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(json + "\n", StandardCharsets.UTF_8)));
  }

  @Override
  public synchronized void onNext(T value) {
    if (finished || cancelled) {
      return;
    }
    sendHeadersIfNeeded();
    line("{\"result\":" + Json.print(value) + "}");
  }

  @Override
  public synchronized void onError(Throwable t) {
    if (finished || cancelled) {
      return;
    }
    Status s = Status.fromThrowable(t);
    if (!headersSent) {
      finished = true;
      Responses.sendError(ctx, s, keepAlive);
      return;
    }
    line("{\"error\":" + Json.error(s) + "}");
    finish();
  }

  @Override
  public synchronized void onCompleted() {
    if (finished || cancelled) {
      return;
    }
    sendHeadersIfNeeded();
    finish();
  }

  private void finish() {
    finished = true;
    var f = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The connection closed: the call is cancelled. */
  void cancel() {
    cancelled = true;
    Runnable r = onCancel;
    if (r != null) {
      r.run();
    }
  }

  /** The channel became writable again. */
  void writable() {
    Runnable r = onReady;
    if (r != null && isReady()) {
      r.run();
    }
  }

  @Override
  public boolean isReady() {
    return ctx.channel().isWritable();
  }

  @Override
  public void setOnReadyHandler(Runnable onReadyHandler) {
    this.onReady = onReadyHandler;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public void setOnCancelHandler(Runnable onCancelHandler) {
    this.onCancel = onCancelHandler;
  }

  @Override
  public void setCompression(String compression) {}

  @Override
  public void disableAutoInboundFlowControl() {}

  @Override
  public void request(int count) {}

  @Override
  public void setMessageCompression(boolean enable) {}
}
