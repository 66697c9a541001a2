package io.cairn.gateway.runtime;

import io.cairn.gateway.service.Route;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The copies of one request for a {@code mirroring} service's chosen mirrors. The request head is
 * the one sent to the main server (forwarded headers included); the body is copied as it streams
 * to the main server. When the main exchange ends, each mirror gets its copy through the {@link
 * SideClient}, fire and forget: the answer is discarded and a mirror's failure is only counted in
 * its service's health. Never delays or fails the main request. Not thread-safe (one request, one
 * loop) except the shared memory budget.
 *
 * <p>Decisions, after Traefik's {@code mirroring}: copies go out after the main response, and not
 * at all when the client went away first or the body did not arrive whole. A body larger than
 * {@code maxBodySize} is not mirrored (the request still goes to the main service). Memory is
 * bounded: a body is never held beyond {@link #MAX_BODY} (4 MiB, whatever {@code maxBodySize} says;
 * Traefik's -1 means "up to that cap" here), and all the bodies held for mirrors at once share
 * {@link #BUDGET} (64 MiB); over either, the request is not mirrored. With {@code mirrorBody:
 * false} copies carry no body.
 */
final class MirrorCopies {
  static final int MAX_BODY = 4 * 1024 * 1024;
  static final long BUDGET = 64L * 1024 * 1024;
  private static final AtomicLong HELD = new AtomicLong();

  private final List<Route> mirrors;
  private final boolean mirrorBody;
  private final long limit;
  private final SideClient client;
  private ByteArrayOutputStream body = new ByteArrayOutputStream();
  private long reserved;
  private boolean tooLarge;
  private boolean bodyComplete;
  private String method;
  private String target;
  private HttpHeaders headers;

  MirrorCopies(List<Route> mirrors, boolean mirrorBody, long maxBodySize, SideClient client) {
    this.mirrors = mirrors;
    this.mirrorBody = mirrorBody;
    this.limit = maxBodySize < 0 ? MAX_BODY : Math.min(maxBodySize, MAX_BODY);
    this.client = client;
  }

  /** The head as sent to the main server. */
  void head(String method, String target, HttpHeaders sent) {
    this.method = method;
    this.target = target;
    this.headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders().set(sent);
  }

  /** A piece of the request body, copied (the caller keeps ownership). */
  void content(HttpContent piece) {
    if (piece instanceof LastHttpContent) {
      bodyComplete = true;
    }
    int n = piece.content().readableBytes();
    if (body == null || !mirrorBody || tooLarge || n == 0) {
      return;
    }
    if (body.size() + n > limit) {
      tooLarge = true;
      releaseBody();
      return;
    }
    if (HELD.addAndGet(n) > BUDGET) {
      HELD.addAndGet(-n);
      tooLarge = true;
      releaseBody();
      return;
    }
    reserved += n;
    byte[] bytes = new byte[n];
    piece.content().getBytes(piece.content().readerIndex(), bytes);
    body.writeBytes(bytes);
  }

  /**
   * The main exchange ended: sends the copies when the main request was served (or failed
   * upstream) with its whole body, else only releases the mirrors' routes.
   *
   * @param send false when the client went away first
   */
  void finish(boolean send) {
    byte[] payload = body == null ? new byte[0] : body.toByteArray();
    releaseBody();
    boolean ok = send && !tooLarge && headers != null && (bodyComplete || !mirrorBody);
    for (Route mirror : mirrors) {
      if (!ok) {
        mirror.finished(false);
        continue;
      }
      mirror.mirrors().forEach(m -> m.finished(false)); // a mirror's own mirrors are not followed
      URI url = mirror.target().url();
      HttpHeaders h = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders().set(headers);
      if (!mirror.target().passHostHeader()) {
        h.set(HttpHeaderNames.HOST, url.getRawAuthority());
      }
      try {
        URI server = new URI(url.getScheme(), null, url.getHost(), url.getPort(), null, null, null);
        client.send(server, method, target, h, mirrorBody ? payload : null, -1)
            .whenComplete((answer, error) -> mirror.finished(error != null));
      } catch (Exception e) {
        mirror.finished(true);
      }
    }
  }

  private void releaseBody() {
    HELD.addAndGet(-reserved);
    reserved = 0;
    body = null;
  }

  /** Bytes held for mirror bodies across all requests (tests). */
  static long held() {
    return HELD.get();
  }
}
