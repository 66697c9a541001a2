package io.cairn.gateway.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Checks every server of a {@link LoadBalancerService} on its own schedule and takes failing servers
 * out of the balancer until a check passes again (Traefik's {@code healthCheck}). The first check of
 * each server runs at once (Traefik waits one interval; checking at once removes a dead server
 * sooner). A check passes when the server answers within {@code timeout} with the expected status.
 * Each check runs on a virtual thread; {@link #stop()} cancels the schedule.
 */
public final class ActiveHealthCheck implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActiveHealthCheck.class);

  private final LoadBalancerService service;
  private final HealthCheckSpec spec;
  private final BiConsumer<String, Boolean> onChange;
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
  private final ScheduledExecutorService scheduler;

  /**
   * @param onChange told {@code (server URL, up)} when a server's status changes (for logs and the
   *     API); may be a no-op
   */
  public ActiveHealthCheck(LoadBalancerService service, HealthCheckSpec spec, BiConsumer<String, Boolean> onChange) {
    this.service = service;
    this.spec = spec;
    this.onChange = onChange;
    // one thread per server at most: a slow probe delays only its own server's next check, and the
    // fixed delay counts from the end of a probe, so probes of one server never overlap
    this.scheduler = Executors.newScheduledThreadPool(Math.max(1, Math.min(16, service.balancer().children().size())),
        Thread.ofVirtual().name("health-" + service.name()).factory());
  }

  /** Starts checking. */
  public synchronized void start() {
    for (Child<ServerTarget> server : service.balancer().children()) {
      URI url;
      try {
        url = checkUrl(server.value().url(), spec);
      } catch (IllegalArgumentException e) {
        LOG.warn("service {}: server {} is not health-checked: {}", service.name(), server.name(), e.getMessage());
        continue;
      }
      tasks.add(scheduler.scheduleWithFixedDelay(() -> check(server.name(), url),
          0, spec.interval().toNanos(), TimeUnit.NANOSECONDS));
    }
  }

  private void check(String server, URI url) {
    boolean healthy;
    try {
      healthy = spec.healthy(HttpProbe.status(url, spec));
    } catch (Exception e) {
      healthy = false;
    }
    if (service.balancer().setStatus(server, Balancer.Source.ACTIVE_CHECK, healthy)) {
      onChange.accept(server, healthy);
    }
  }

  /** The URL checked for a server: its scheme and port replaced when configured, the path appended. */
  static URI checkUrl(URI server, HealthCheckSpec spec) {
    String scheme = spec.scheme().isEmpty() ? server.getScheme() : spec.scheme();
    int port = spec.port() != 0 ? spec.port() : server.getPort();
    if (!spec.path().startsWith("/")) {
      throw new IllegalArgumentException("health check path " + spec.path() + " does not start with /");
    }
    String base = server.getRawPath() == null ? "" : server.getRawPath();
    if (base.endsWith("/") && spec.path().startsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    try {
      URI u = new URI(scheme, null, server.getHost(), port, null, null, null);
      return URI.create(u + base + spec.path());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot build a health-check URL from " + server + " and " + spec.path() + ": " + e.getMessage(), e);
    }
  }

  /** Stops checking; servers keep their last status. */
  public synchronized void stop() {
    tasks.forEach(t -> t.cancel(false));
    tasks.clear();
    scheduler.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }
}
