package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.middleware.ForwardAuthCheck;
import io.cairn.gateway.middleware.HeaderMap;
import io.cairn.gateway.middleware.Outcome;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What must happen after the middlewares ran and before a request is forwarded, without blocking
 * the event loop: the {@code rateLimit} delay (scheduled), then each {@code forwardAuth} call in
 * chain order (through the {@link SideClient}), with the request body when it has {@code
 * forwardBody} (read whole first, at most its {@code maxBodySize}, else at most {@link
 * #FORWARD_BODY_CAP}; more is answered 401). Ends in {@link Go} (with the auth cookies to add to
 * the response) or {@link Answer} (the auth server's refusal, or 500 when it could not be asked).
 * Every step that touches the {@link Exchange} runs on the request's event loop.
 */
final class PreForward {
  /** Largest auth-server answer body kept (a larger one fails the check: 500). */
  static final int MAX_AUTH_BODY = 1024 * 1024;

  /**
   * Largest request body sent to an auth server with {@code forwardBody} when its {@code
   * maxBodySize} is -1 (Traefik's "no limit"): the body is held in memory, so cairn bounds it; a
   * longer body is answered 401 as one over {@code maxBodySize}.
   */
  static final long FORWARD_BODY_CAP = 16L * 1024 * 1024;

  sealed interface Decision {}

  /**
   * Go on.
   *
   * @param cookies the auth servers' {@code Set-Cookie} values to add to the response
   * @param replaced cookie names ({@code addAuthCookiesToResponse}) whose {@code Set-Cookie} values
   *     from the service are dropped from the response (replaced by the auth server's, if any)
   */
  record Go(List<String> cookies, java.util.Set<String> replaced) implements Decision {
    Go(List<String> cookies) {
      this(cookies, java.util.Set.of());
    }

    public Go {
      cookies = List.copyOf(cookies);
      replaced = java.util.Set.copyOf(replaced);
    }
  }

  record Answer(Outcome.Respond response) implements Decision {}

  private final Duration delay;
  private final List<ForwardAuthCheck> auths;
  private final Exchange exchange;
  private final SideClient side;
  private final long maxBody;
  /** The smallest {@code maxBodySize} of the forwardAuths with {@code forwardBody}; -1 when none forwards it. */
  private final long authBodyLimit;
  private final List<String> cookies = new ArrayList<>();
  private final java.util.Set<String> replaced = new java.util.HashSet<>();
  private byte[] body = new byte[0];

  private PreForward(Duration delay, List<ForwardAuthCheck> auths, long maxBody, Exchange exchange, SideClient side) {
    this.delay = delay;
    this.auths = auths;
    this.maxBody = maxBody;
    this.exchange = exchange;
    this.side = side;
    this.authBodyLimit = auths.stream().filter(ForwardAuthCheck::forwardBody)
        .mapToLong(a -> a.maxBodySize() < 0 ? FORWARD_BODY_CAP : Math.min(a.maxBodySize(), FORWARD_BODY_CAP))
        .min().orElse(-1);
  }

  /** The steps for a request, or null when there is nothing to do. */
  static PreForward of(Duration delay, List<ForwardAuthCheck> auths, Exchange exchange, SideClient side) {
    return of(delay, auths, 0, exchange, side);
  }

  /**
   * The steps for a request, or null when there is nothing to do.
   *
   * @param maxBody {@code buffering.maxRequestBodyBytes}: above 0, the whole body is read first
   *     (held in memory, at most this many bytes) and a longer body is answered 413
   */
  static PreForward of(Duration delay, List<ForwardAuthCheck> auths, long maxBody, Exchange exchange, SideClient side) {
    return delay.isZero() && auths.isEmpty() && maxBody <= 0 ? null
        : new PreForward(delay, auths, maxBody, exchange, side);
  }

  /** Whether the whole request body must be read before the steps run (buffering, forwardBody). */
  boolean readsBody() {
    return maxBody > 0 || authBodyLimit >= 0;
  }

  /**
   * The answer to a body of {@code bytes} bytes (or a {@code Content-Length} announcing them), or
   * null when it is within the limits: 413 over {@code buffering}'s {@code maxRequestBodyBytes},
   * else 401 (Traefik's answer) over a forwardAuth's {@code maxBodySize}.
   */
  Outcome.Respond overLimit(long bytes) {
    if (maxBody > 0 && bytes > maxBody) {
      return tooLarge();
    }
    if (authBodyLimit >= 0 && bytes > authBodyLimit) {
      return new Outcome.Respond(401, new HeaderMap(), new byte[0]);
    }
    return null;
  }

  /** Whether a forwardAuth sends the request body ({@code forwardBody}): {@link #body} is then needed. */
  boolean forwardsBody() {
    return authBodyLimit >= 0;
  }

  /** The request body, read whole (at most {@link #FORWARD_BODY_CAP}), for the forwardAuths with {@code forwardBody}. */
  void body(byte[] body) {
    this.body = java.util.Objects.requireNonNull(body, "body");
  }

  /** oxy's answer to a body over {@code maxRequestBodyBytes}. */
  static Outcome.Respond tooLarge() {
    return new Outcome.Respond(413, new HeaderMap(), "Request Entity Too Large".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Runs the steps; the future completes on {@code loop}. */
  CompletableFuture<Decision> run(EventLoop loop) {
    CompletableFuture<Decision> start = new CompletableFuture<>();
    if (delay.isZero()) {
      loop.execute(() -> start.complete(new Go(cookies, replaced)));
    } else {
      loop.schedule(() -> start.complete(new Go(cookies, replaced)), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    CompletableFuture<Decision> chain = start;
    for (ForwardAuthCheck auth : auths) {
      chain = chain.thenCompose(d -> d instanceof Answer ? CompletableFuture.completedFuture(d) : check(auth, loop));
    }
    return chain.whenComplete((d, e) -> body = new byte[0]); // not kept for the rest of the exchange
  }

  private CompletableFuture<Decision> check(ForwardAuthCheck auth, EventLoop loop) {
    HttpHeaders h = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    auth.authRequest(exchange).forEach(h::add);
    byte[] sent = auth.forwardBody() && body.length > 0 ? body : null;
    return side.send(auth.address(), "GET", auth.addressTarget(), h, sent, MAX_AUTH_BODY, auth.tls().orElse(null))
        .handleAsync((answer, error) -> {
          if (error != null) {
            return new Answer(auth.onError());
          }
          HeaderMap headers = new HeaderMap();
          for (Map.Entry<String, String> e : answer.headers()) {
            headers.add(e.getKey(), e.getValue());
          }
          Outcome o = auth.onAnswer(exchange, answer.status(), headers, answer.body());
          if (o instanceof Outcome.Respond r) {
            return new Answer(r);
          }
          List<String> added = auth.cookies(headers);
          if (!headers.getAll("Set-Cookie").isEmpty()) { // Traefik changes the response only then
            replaced.addAll(auth.cookieNames());
          }
          cookies.addAll(added);
          return new Go(cookies, replaced);
        }, loop);
  }
}
