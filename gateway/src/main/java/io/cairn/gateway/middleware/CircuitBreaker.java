package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * {@code circuitBreaker}, as oxy's cbreaker under Traefik. <b>Standby</b>: requests go on; each
 * result is recorded at {@link Exchange#complete}, and at most once per {@code checkPeriod} the
 * expression is evaluated on the metrics; when it holds, the breaker <b>trips</b> for {@code
 * fallbackDuration} (metrics reset): every request is answered {@code responseCode} with the
 * status text as body ({@code Service Unavailable}). Then it <b>recovers</b> for {@code
 * recoveryDuration}: the share of requests let through grows linearly from 0 to all (oxy's ratio
 * controller), and the expression may trip it again; after that it is back in standby. Results of
 * requests answered by the fallback are not recorded. Thread-safe (one lock, O(1) work under it
 * except the periodic check).
 */
final class CircuitBreaker implements Middleware {
  enum State { STANDBY, TRIPPED, RECOVERING }

  private final CbExpression condition;
  private final long checkPeriod;
  private final long fallbackDuration;
  private final long recoveryDuration;
  private final int responseCode;
  private final LongSupplier nanoTime;
  private final CbMetrics metrics = new CbMetrics();
  private State state = State.STANDBY;
  private long until;
  private long nextCheck;
  private long rampStart;
  private long allowed;
  private long denied;

  CircuitBreaker(CbExpression condition, long checkPeriodNanos, long fallbackNanos, long recoveryNanos,
      int responseCode, LongSupplier nanoTime) {
    this.condition = condition;
    this.checkPeriod = checkPeriodNanos;
    this.fallbackDuration = fallbackNanos;
    this.recoveryDuration = recoveryNanos;
    this.responseCode = responseCode;
    this.nanoTime = nanoTime;
    this.nextCheck = nanoTime.getAsLong();
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    if (fallback()) {
      return new Outcome.Respond(responseCode, new HeaderMap(),
          StatusText.of(responseCode).getBytes(StandardCharsets.UTF_8));
    }
    ex.onComplete(c -> record(c));
    return Outcome.CONTINUE;
  }

  private synchronized boolean fallback() {
    long now = nanoTime.getAsLong();
    switch (state) {
      case STANDBY:
        return false;
      case TRIPPED:
        if (now < until) {
          return true;
        }
        state = State.RECOVERING;
        until = now + recoveryDuration;
        rampStart = now;
        allowed = 0;
        denied = 0;
        // fall through
      case RECOVERING:
      default:
        if (now > until) {
          state = State.STANDBY;
          return false;
        }
        double target = recoveryDuration == 0 ? 1 : (double) (now - rampStart) / recoveryDuration;
        double ifAllowed = (double) (allowed + 1) / (allowed + 1 + denied);
        if (ifAllowed < target) {
          allowed++;
          return false;
        }
        denied++;
        return true;
    }
  }

  private synchronized void record(Completion c) {
    long now = nanoTime.getAsLong();
    metrics.record(now, c.status(), c.networkError(), c.latency().toNanos());
    if (now < nextCheck) {
      return;
    }
    nextCheck = now + checkPeriod;
    if (state == State.TRIPPED) {
      return;
    }
    metrics.at(now);
    if (condition.test(metrics)) {
      state = State.TRIPPED;
      until = now + fallbackDuration;
      metrics.reset();
    }
  }

  synchronized State state() {
    return state;
  }
}
