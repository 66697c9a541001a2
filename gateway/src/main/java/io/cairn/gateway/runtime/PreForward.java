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
 * chain order (through the {@link SideClient}). Ends in {@link Go} (with the auth cookies to add to
 * the response) or {@link Answer} (the auth server's refusal, or 500 when it could not be asked).
 * Every step that touches the {@link Exchange} runs on the request's event loop.
 */
final class PreForward {
  /** Largest auth-server answer body kept (a larger one fails the check: 500). */
  static final int MAX_AUTH_BODY = 1024 * 1024;

  sealed interface Decision {}

  record Go(List<String> cookies) implements Decision {}

  record Answer(Outcome.Respond response) implements Decision {}

  private final Duration delay;
  private final List<ForwardAuthCheck> auths;
  private final Exchange exchange;
  private final SideClient side;
  private final long maxBody;
  private final List<String> cookies = new ArrayList<>();

  private PreForward(Duration delay, List<ForwardAuthCheck> auths, long maxBody, Exchange exchange, SideClient side) {
    this.delay = delay;
    this.auths = auths;
    this.maxBody = maxBody;
    this.exchange = exchange;
    this.side = side;
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

  /** The body limit when the body must be read whole before the other steps; 0 for none. */
  long maxBody() {
    return maxBody;
  }

  /** oxy's answer to a body over {@code maxRequestBodyBytes}. */
  static Outcome.Respond tooLarge() {
    return new Outcome.Respond(413, new HeaderMap(), "Request Entity Too Large".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Runs the steps; the future completes on {@code loop}. */
  CompletableFuture<Decision> run(EventLoop loop) {
    CompletableFuture<Decision> start = new CompletableFuture<>();
    if (delay.isZero()) {
      loop.execute(() -> start.complete(new Go(cookies)));
    } else {
      loop.schedule(() -> start.complete(new Go(cookies)), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    CompletableFuture<Decision> chain = start;
    for (ForwardAuthCheck auth : auths) {
      chain = chain.thenCompose(d -> d instanceof Answer ? CompletableFuture.completedFuture(d) : check(auth, loop));
    }
    return chain;
  }

  private CompletableFuture<Decision> check(ForwardAuthCheck auth, EventLoop loop) {
    HttpHeaders h = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    auth.authRequest(exchange).forEach(h::add);
    return side.send(auth.address(), "GET", auth.addressTarget(), h, null, MAX_AUTH_BODY, auth.tls().orElse(null))
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
          cookies.addAll(auth.cookies(headers));
          return new Go(cookies);
        }, loop);
  }
}
