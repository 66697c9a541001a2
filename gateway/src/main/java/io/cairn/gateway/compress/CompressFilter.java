package io.cairn.gateway.compress;

import io.cairn.gateway.proxy.BodyFilter;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Compresses one response body. The native encoder is created on the first piece, so a filter that
 * is never used costs nothing. With {@code flushEachPiece} every piece is flushed through the codec
 * (proxied streams: what the upstream sent reaches the client without waiting for more); without,
 * the codec buffers as it likes (files: better ratio).
 */
final class CompressFilter implements BodyFilter {
  private final Encoding encoding;
  private final boolean flushEachPiece;
  private StreamEncoder encoder;
  private boolean closed;

  CompressFilter(Encoding encoding, boolean flushEachPiece) {
    this.encoding = encoding;
    this.flushEachPiece = flushEachPiece;
  }

  @Override
  public HttpContent filter(HttpContent content) {
    if (closed) {
      content.release();
      throw new IllegalStateException("compress filter used after its body ended");
    }
    if (encoder == null) {
      encoder = new StreamEncoder(encoding);
    }
    try {
      boolean last = content instanceof LastHttpContent;
      ByteBuf out = encoder.encode(content.content(), flushEachPiece && !last);
      if (!last) {
        return new DefaultHttpContent(out);
      }
      ByteBuf tail = encoder.finish();
      ByteBuf all = out.isReadable() ? io.netty.buffer.Unpooled.wrappedBuffer(out, tail) : tail;
      if (!out.isReadable()) {
        out.release();
      }
      DefaultLastHttpContent end = new DefaultLastHttpContent(all);
      end.trailingHeaders().set(((LastHttpContent) content).trailingHeaders());
      close();
      return end;
    } finally {
      content.release();
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (encoder != null) {
        encoder.close();
      }
    }
  }
}
