package io.cairn.gateway.server;

import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_TIMEOUT;
import static io.netty.handler.codec.http.HttpResponseStatus.REQUEST_URI_TOO_LONG;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A strict HTTP/1.x request decoder: bytes in; {@code HttpRequest}, {@code HttpContent}... {@code
 * LastHttpContent} per request out, or one {@link Rejection} after which the connection reads
 * nothing more.
 *
 * <p>Why not Netty's {@code HttpRequestDecoder}: it is built to be lenient (it folds obs-fold
 * lines, tolerates bare LF line ends and whitespace around chunk sizes, and reports some problems
 * as exceptions). A front-door proxy must agree with every upstream on where a request ends, so
 * anything two parsers could read differently is refused here: lines end in CRLF only, the head is
 * validated whole by {@link HeadParser} before anything is emitted, chunk lines are parsed by
 * {@link ChunkLine} without BWS, and the data after each chunk must be exactly CRLF. The body is
 * re-framed from what was parsed, never passed on as raw bytes, so a request that reaches the proxy
 * has exactly one meaning.
 *
 * <p>Scanning: the head is scanned line by line as bytes arrive ({@code scanned} remembers how far),
 * so a slow client costs O(bytes), and the limits are enforced before the head is complete: the
 * first line longer than {@code maxRequestLineBytes} gives 414, a head longer than {@code
 * maxHeaderBytes} 431. Empty lines before a request line are skipped (RFC 9112 2.2).
 *
 * <p>Timing: the read-header timer starts when the decoder joins an open connection and again at
 * the first byte of every later request; if the head is not complete when it fires, a 408 {@link
 * Rejection} is emitted. Idle time between requests is the connection handler's business.
 *
 * <p>After a request without keep-alive, further bytes are ignored (llhttp: "data after Connection:
 * close").
 */
final class StrictRequestDecoder extends ByteToMessageDecoder {
  private enum State { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, IGNORE }

  /** Longest chunk-size line (size plus extensions), as Go's chunked reader allows. */
  static final int MAX_CHUNK_LINE = 4096;

  private final EntryPointOptions options;
  private State state = State.HEAD;
  private int scanned;
  private int lineStart;
  private boolean firstLineSeen;
  private long remaining;
  private long bodyBytes;
  private boolean keepAlive;
  private HttpHeaders trailers;
  private int trailerBytes;
  /**
   * The read-header deadline: {@code headSince} is when the pending head's clock started (-1 when
   * no head is pending). One timer per connection, not one per request: when it fires it rejects
   * a head pending for the whole timeout, re-arms for the rest of a younger one, and otherwise
   * stops until the next head starts.
   */
  private long headSince = -1;
  private ScheduledFuture<?> headerTimer;

  StrictRequestDecoder(EntryPointOptions options) {
    this.options = options;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      startHeaderTimer(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    startHeaderTimer(ctx);
    super.channelActive(ctx);
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    cancelHeaderTimer();
    if (headerTimer != null) {
      headerTimer.cancel(false);
      headerTimer = null;
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    switch (state) {
      case HEAD -> decodeHead(ctx, in, out);
      case FIXED_BODY -> {
        int n = (int) Math.min(remaining, in.readableBytes());
        if (n > 0) {
          out.add(new DefaultHttpContent(in.readRetainedSlice(n)));
          remaining -= n;
        }
        if (remaining == 0) {
          finishMessage(LastHttpContent.EMPTY_LAST_CONTENT, out);
        }
      }
      case CHUNK_SIZE -> decodeChunkSize(in, out);
      case CHUNK_DATA -> {
        int n = (int) Math.min(remaining, in.readableBytes());
        if (n > 0) {
          out.add(new DefaultHttpContent(in.readRetainedSlice(n)));
          remaining -= n;
        }
        if (remaining == 0) {
          state = State.CHUNK_END;
        }
      }
      case CHUNK_END -> {
        if (in.readableBytes() >= 2) {
          if (in.getByte(in.readerIndex()) != '\r' || in.getByte(in.readerIndex() + 1) != '\n') {
            reject(HeadParser.bad("chunk data not followed by CRLF"), in, out);
          } else {
            in.skipBytes(2);
            state = State.CHUNK_SIZE;
          }
        }
      }
      case TRAILERS -> decodeTrailers(in, out);
      case IGNORE -> in.skipBytes(in.readableBytes());
    }
  }

  private void decodeHead(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!in.isReadable()) {
      return;
    }
    startHeaderTimer(ctx);
    int base = in.readerIndex();
    int end = in.writerIndex();
    while (true) {
      int lf = in.indexOf(base + scanned, end, (byte) '\n');
      Rejection early = earlyProblem(in, base + scanned, lf < 0 ? end : lf, base);
      if (early != null) {
        reject(early, in, out);
        return;
      }
      if (lf < 0) {
        boolean pendingCr = end > base && in.getByte(end - 1) == '\r';
        scanned = end - base - (pendingCr ? 1 : 0);
        break;
      }
      if (lf == base || in.getByte(lf - 1) != '\r') {
        reject(HeadParser.bad("line not ended by CRLF"), in, out);
        return;
      }
      int lineLength = lf - 1 - (base + lineStart);
      if (!firstLineSeen) {
        if (lineLength == 0) {
          in.readerIndex(lf + 1); // an empty line before the request line
          base = lf + 1;
          scanned = lineStart = 0;
          continue;
        }
        if (lineLength > options.maxRequestLineBytes()) {
          reject(new Rejection(REQUEST_URI_TOO_LONG, "request line too long"), in, out);
          return;
        }
        firstLineSeen = true;
      } else if (lineLength == 0) {
        if (lf + 1 - base > options.maxHeaderBytes()) {
          reject(new Rejection(REQUEST_HEADER_FIELDS_TOO_LARGE, "request head too large"), in, out);
          return;
        }
        String head = in.toString(base, lineStart - 2, StandardCharsets.ISO_8859_1);
        in.readerIndex(lf + 1);
        headComplete(HeadParser.parse(head, options.maxBodyBytes()), in, out);
        return;
      }
      lineStart = scanned = lf + 1 - base;
    }
    if (!firstLineSeen && scanned > options.maxRequestLineBytes()) {
      reject(new Rejection(REQUEST_URI_TOO_LONG, "request line too long"), in, out);
    } else if (scanned > options.maxHeaderBytes()) {
      reject(new Rejection(REQUEST_HEADER_FIELDS_TOO_LARGE, "request head too large"), in, out);
    }
  }

  /**
   * Problems visible before a line ends, so that a client cannot hold a doomed head open: a CR not
   * followed by LF, and a header line starting with whitespace (obs-fold, or space before the
   * first header).
   */
  private Rejection earlyProblem(ByteBuf in, int from, int to, int base) {
    if (firstLineSeen && from == base + lineStart && from < to) {
      byte first = in.getByte(from);
      if (first == ' ' || first == '\t') {
        return HeadParser.bad("obsolete line folding or whitespace before a header");
      }
    }
    // [from, to) is the rest of one line (to = its LF, or the end of input): a CR may only be
    // the byte right before the LF
    int cr = in.indexOf(from, to, (byte) '\r');
    if (cr >= 0 && cr + 1 < to) {
      return HeadParser.bad("CR not followed by LF");
    }
    if (cr >= 0 && cr + 1 == to && to < in.writerIndex() && in.getByte(to) != '\n') {
      return HeadParser.bad("CR not followed by LF");
    }
    return null;
  }

  private void headComplete(Object result, ByteBuf in, List<Object> out) {
    cancelHeaderTimer();
    scanned = lineStart = 0;
    firstLineSeen = false;
    if (result instanceof Rejection r) {
      reject(r, in, out);
      return;
    }
    HeadParser.Parsed parsed = (HeadParser.Parsed) result;
    keepAlive = parsed.keepAlive();
    bodyBytes = 0;
    out.add(parsed.request());
    if (parsed.chunked()) {
      state = State.CHUNK_SIZE;
    } else if (parsed.contentLength() > 0) {
      remaining = parsed.contentLength();
      state = State.FIXED_BODY;
    } else {
      finishMessage(LastHttpContent.EMPTY_LAST_CONTENT, out);
    }
  }

  private void decodeChunkSize(ByteBuf in, List<Object> out) {
    int base = in.readerIndex();
    int lf = in.indexOf(base, Math.min(in.writerIndex(), base + MAX_CHUNK_LINE + 2), (byte) '\n');
    if (lf < 0) {
      if (in.readableBytes() > MAX_CHUNK_LINE + 1) {
        reject(HeadParser.bad("chunk size line too long"), in, out);
      }
      return;
    }
    if (lf == base || in.getByte(lf - 1) != '\r') {
      reject(HeadParser.bad("chunk size line not ended by CRLF"), in, out);
      return;
    }
    long size = ChunkLine.parse(in, base, lf - 1);
    if (size < 0) {
      reject(HeadParser.bad("invalid chunk size line"), in, out);
      return;
    }
    in.readerIndex(lf + 1);
    bodyBytes += size;
    if (options.maxBodyBytes() > 0 && bodyBytes > options.maxBodyBytes()) {
      reject(new Rejection(REQUEST_ENTITY_TOO_LARGE, "request body larger than the limit"), in, out);
      return;
    }
    if (size == 0) {
      trailers = null;
      trailerBytes = 0;
      state = State.TRAILERS;
    } else {
      remaining = size;
      state = State.CHUNK_DATA;
    }
  }

  private void decodeTrailers(ByteBuf in, List<Object> out) {
    while (true) {
      int base = in.readerIndex();
      int lf = in.indexOf(base, in.writerIndex(), (byte) '\n');
      if (lf < 0) {
        if (trailerBytes + in.readableBytes() > options.maxHeaderBytes()) {
          reject(new Rejection(REQUEST_HEADER_FIELDS_TOO_LARGE, "trailers too large"), in, out);
        }
        return;
      }
      if (lf == base || in.getByte(lf - 1) != '\r') {
        reject(HeadParser.bad("trailer line not ended by CRLF"), in, out);
        return;
      }
      trailerBytes += lf + 1 - base;
      if (trailerBytes > options.maxHeaderBytes()) {
        reject(new Rejection(REQUEST_HEADER_FIELDS_TOO_LARGE, "trailers too large"), in, out);
        return;
      }
      String line = in.toString(base, lf - 1 - base, StandardCharsets.ISO_8859_1);
      in.readerIndex(lf + 1);
      if (line.isEmpty()) {
        finishMessage(trailers == null ? LastHttpContent.EMPTY_LAST_CONTENT
            : new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, trailers), out);
        return;
      }
      if (trailers == null) {
        trailers = DefaultHttpHeadersFactory.trailersFactory()
            .withNameValidation(false).withValueValidation(false).newHeaders();
      }
      Rejection problem = HeadParser.addField(line, 0, line.length(), trailers);
      if (problem != null) {
        reject(problem, in, out);
        return;
      }
    }
  }

  private void finishMessage(LastHttpContent last, List<Object> out) {
    out.add(last);
    state = keepAlive ? State.HEAD : State.IGNORE;
  }

  private void reject(Rejection rejection, ByteBuf in, List<Object> out) {
    cancelHeaderTimer();
    in.skipBytes(in.readableBytes());
    state = State.IGNORE;
    out.add(rejection);
  }

  private void startHeaderTimer(ChannelHandlerContext ctx) {
    if (headSince >= 0 || state != State.HEAD) {
      return;
    }
    headSince = ctx.executor().ticker().nanoTime();
    if (headerTimer == null) {
      armHeaderTimer(ctx, options.readHeaderTimeout().toNanos());
    }
  }

  private void armHeaderTimer(ChannelHandlerContext ctx, long nanos) {
    headerTimer = ctx.executor().schedule(() -> {
      headerTimer = null;
      if (headSince < 0 || state != State.HEAD || !ctx.channel().isActive() || ctx.isRemoved()) {
        return;
      }
      long left = options.readHeaderTimeout().toNanos() - (ctx.executor().ticker().nanoTime() - headSince);
      if (left > 0) {
        armHeaderTimer(ctx, left);
        return;
      }
      headSince = -1;
      state = State.IGNORE;
      ctx.fireChannelRead(new Rejection(REQUEST_TIMEOUT, "request head not received in time"));
      ctx.fireChannelReadComplete();
    }, nanos, TimeUnit.NANOSECONDS);
  }

  /** The pending head is complete (or refused): its clock stops; the timer, if armed, finds nothing. */
  private void cancelHeaderTimer() {
    headSince = -1;
  }
}
