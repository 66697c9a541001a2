package io.cairn.gateway.middleware;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Middlewares applied in order ({@code chain} in Traefik, and a router's {@code middlewares}
 * list): requests go through them first to last, responses last to first. A middleware that
 * answers stops the rest; its answer then goes back only through the middlewares before it, as
 * in Traefik where each middleware wraps the next. Immutable and thread-safe; per-request
 * progress is kept in the {@link Exchange}.
 *
 * <p>Delays ({@code rateLimit}) add up: the chain goes on at once and returns the total delay,
 * which the proxy waits before forwarding.
 */
public final class Chain implements Middleware {
  private final List<Middleware> middlewares;
  /** What the proxy asks of the chain on every request, found once (the chain is immutable). */
  private final Optional<RetryPolicy> retryPolicy;
  private final List<ForwardAuthCheck> forwardAuths;
  private final List<Deferred> deferred;

  public Chain(List<Middleware> middlewares) {
    this.middlewares = List.copyOf(middlewares);
    this.retryPolicy = flatten().filter(RetryPolicy.class::isInstance).map(RetryPolicy.class::cast).findFirst();
    this.forwardAuths = flatten().filter(ForwardAuthCheck.class::isInstance).map(ForwardAuthCheck.class::cast).toList();
    this.deferred = flatten().filter(Deferred.class::isInstance).map(Deferred.class::cast).toList();
  }

  public List<Middleware> middlewares() {
    return middlewares;
  }

  @Override
  public Outcome onRequest(Exchange exchange) {
    java.time.Duration delay = java.time.Duration.ZERO;
    for (int i = 0; i < middlewares.size(); i++) {
      Outcome o = middlewares.get(i).onRequest(exchange);
      if (o instanceof Outcome.Respond) {
        exchange.progress(this, i);
        return o;
      }
      delay = delay.plus(((Outcome.Proceed) o).delay());
    }
    exchange.progress(this, middlewares.size());
    return delay.isZero() ? Outcome.CONTINUE : new Outcome.Proceed(delay);
  }

  @Override
  public void onResponse(Exchange exchange, ResponseHead response) {
    for (int i = exchange.progress(this) - 1; i >= 0; i--) {
      middlewares.get(i).onResponse(exchange, response);
    }
  }

  @Override
  public Stream<Middleware> flatten() {
    return Stream.concat(Stream.of(this), middlewares.stream().flatMap(Middleware::flatten));
  }

  /** The first {@code retry} policy in the chain, if any: the proxy retries with it. */
  public Optional<RetryPolicy> retryPolicy() {
    return retryPolicy;
  }

  /** The {@code forwardAuth} middlewares in the chain, in order: the proxy makes their calls. */
  public List<ForwardAuthCheck> forwardAuths() {
    return forwardAuths;
  }

  /**
   * The middlewares the proxy must carry out itself ({@code compress}, {@code errors}, {@code
   * buffering}), in chain order.
   */
  public List<Deferred> deferred() {
    return deferred;
  }
}
