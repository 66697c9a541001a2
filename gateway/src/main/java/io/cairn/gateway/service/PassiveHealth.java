package io.cairn.gateway.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Passive outlier ejection, as nginx's {@code max_fails}/{@code fail_timeout} and Traefik's passive
 * health check: when a server fails {@code maxFailedAttempts} requests within {@code failureWindow}
 * (a failure is the proxy's: no connection, a timeout, a broken response — not a 5xx the server chose
 * to send), it is taken out of its balancer for {@code failureWindow}, then put back. Defaults: 1
 * attempt, 10 s (nginx's). Thread-safe.
 */
public final class PassiveHealth {
  /** nginx's {@code max_fails} default. */
  public static final int DEFAULT_MAX_FAILED_ATTEMPTS = 1;
  /** nginx's {@code fail_timeout} default. */
  public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofSeconds(10);

  private final int maxFailedAttempts;
  private final long windowNanos;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier nanoClock;
  private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();

  /**
   * @param scheduler puts ejected servers back; owned by the caller
   * @param nanoClock {@link System#nanoTime} outside tests
   */
  public PassiveHealth(int maxFailedAttempts, Duration failureWindow, ScheduledExecutorService scheduler, LongSupplier nanoClock) {
    if (maxFailedAttempts < 1) {
      throw new IllegalArgumentException("maxFailedAttempts must be at least 1, got " + maxFailedAttempts);
    }
    if (failureWindow.isNegative() || failureWindow.isZero()) {
      throw new IllegalArgumentException("failureWindow must be positive, got " + failureWindow);
    }
    this.maxFailedAttempts = maxFailedAttempts;
    this.windowNanos = failureWindow.toNanos();
    this.scheduler = scheduler;
    this.nanoClock = nanoClock;
  }

  /** Records one request's outcome for {@code server} of {@code balancer}. */
  public void record(Balancer<?> balancer, String server, boolean failed) {
    if (!failed) {
      return;
    }
    long now = nanoClock.getAsLong();
    boolean eject;
    synchronized (failures) {
      ArrayDeque<Long> times = failures.computeIfAbsent(server, k -> new ArrayDeque<>());
      times.addLast(now);
      while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
        times.removeFirst();
      }
      eject = times.size() >= maxFailedAttempts;
      if (eject) {
        times.clear();
      }
    }
    if (eject && balancer.isUp(server)) {
      balancer.setStatus(server, Balancer.Source.PASSIVE, false);
      scheduler.schedule(() -> balancer.setStatus(server, Balancer.Source.PASSIVE, true), windowNanos, TimeUnit.NANOSECONDS);
    }
  }
}
