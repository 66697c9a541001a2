package io.cairn.gateway.compress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * One compressed stream fed with {@link ByteBuf}s: what the codec emitted after each call is
 * returned as a new buffer (possibly empty). Not thread-safe; one per response.
 */
final class StreamEncoder implements AutoCloseable {
  private final Drain drain = new Drain();
  private final OutputStream out;
  private boolean closed;

  StreamEncoder(Encoding encoding) {
    try {
      out = encoding.open(drain);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + encoding.token() + " encoder", e);
    }
  }

  /** Compresses the readable bytes of {@code in} (not released); {@code flush} forces them out. */
  ByteBuf encode(ByteBuf in, boolean flush) {
    try {
      if (in.isReadable()) {
        in.readBytes(out, in.readableBytes());
      }
      if (flush) {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("compression failed", e);
    }
    return drain.take();
  }

  /** Ends the stream: the last compressed bytes (trailer included). The encoder is closed after. */
  ByteBuf finish() {
    try {
      closed = true;
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("compression failed", e);
    }
    return drain.take();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        out.close();
      } catch (IOException | RuntimeException ignored) {
        // freeing native memory; the output is thrown away
      }
    }
    drain.take().release();
  }

  /** Collects the codec's output; {@link #take} hands it over and starts a new buffer. */
  private static final class Drain extends OutputStream {
    private ByteBuf buf = Unpooled.EMPTY_BUFFER;

    @Override
    public void write(int b) {
      ensure(1).writeByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len).writeBytes(b, off, len);
    }

    private ByteBuf ensure(int n) {
      if (buf == Unpooled.EMPTY_BUFFER) {
        buf = Unpooled.buffer(Math.max(n, 8192));
      }
      return buf;
    }

    ByteBuf take() {
      ByteBuf b = buf;
      buf = Unpooled.EMPTY_BUFFER;
      return b;
    }
  }
}
