package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.RetryPolicy;
import io.cairn.gateway.service.Route;
import io.cairn.gateway.service.ServiceNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code retry} middleware carried out for one request: how many attempts are left, the next
 * server (picked again by the service, so a retry can land on another server, as Traefik's retry
 * wraps the load balancer), and the back-off before it. Not thread-safe: one request, one loop.
 *
 * <p>Decisions (Traefik v3 {@code pkg/middlewares/retry}): an attempt is retried only when it failed
 * before any response byte reached the client and before the request could have been processed:
 * no connection could be made (refused, reset while connecting, dial timeout), or a body-less
 * idempotent request ({@code GET}, {@code HEAD}, {@code OPTIONS}, {@code TRACE}, Go's replayable
 * methods, which Go's transport re-sends by itself) lost its connection before the response head.
 * A request whose body was partly streamed upstream is never retried (nothing is buffered); a
 * response header timeout is not retried (Traefik: the backend received the request). When the
 * service has no server up, the retry stops and the failed attempt's error is answered. Only the
 * service choice is repeated: the middlewares after {@code retry} in the chain ran once.
 */
final class Retries {
  private final RetryPolicy policy;
  private final ServiceNode service;
  private final List<String> cookies;
  private int attempts = 1;

  Retries(RetryPolicy policy, ServiceNode service, List<String> cookies) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.service = Objects.requireNonNull(service, "service");
    this.cookies = List.copyOf(cookies);
  }

  /** The next attempt's route and its server's {@code http://host:port}. */
  record Next(Route route, URI authority) {}

  /**
   * The next attempt, or empty when the attempts are used up, nothing is up, or the server picked
   * is not a plain-HTTP one. The route's own mirrors are released at once (the first attempt's
   * mirrors are the ones sent).
   */
  Optional<Next> next() {
    if (attempts >= policy.attempts()) {
      return Optional.empty();
    }
    Optional<Route> picked = service.route(cookies);
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    attempts++;
    Route r = picked.get();
    r.mirrors().forEach(m -> m.finished(false));
    URI url = r.target().url();
    try {
      if (!"http".equalsIgnoreCase(url.getScheme())) {
        throw new URISyntaxException(url.toString(), "upstream scheme " + url.getScheme() + " is not supported yet");
      }
      return Optional.of(new Next(r, new URI("http", null, url.getHost(), url.getPort(), null, null, null)));
    } catch (URISyntaxException e) {
      r.finished(false);
      return Optional.empty();
    }
  }

  /** The wait before the attempt {@link #next()} just returned (randomised exponential back-off). */
  Duration backoff() {
    return policy.backoff(attempts - 1, ThreadLocalRandom.current());
  }

  /** Attempts made so far, the first included. */
  int attempts() {
    return attempts;
  }
}
