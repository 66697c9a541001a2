package io.cairn.gateway.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Traefik's {@code failover} service: requests go to {@code service} while it is up and to {@code
 * fallback} while it is down (which needs a health check on the main service to ever happen). Up
 * while either is.
 */
public final class FailoverService implements ServiceNode {
  private final String name;
  private final ServiceNode main;
  private final ServiceNode fallback;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean lastUp;

  public FailoverService(String name, ServiceNode main, ServiceNode fallback) {
    this.name = name;
    this.main = main;
    this.fallback = fallback;
    this.lastUp = up();
    main.onStatusChange(x -> changed());
    fallback.onStatusChange(x -> changed());
  }

  private void changed() {
    boolean now = up();
    boolean before;
    synchronized (this) {
      before = lastUp;
      lastUp = now;
    }
    if (before != now) {
      listeners.forEach(l -> l.accept(now));
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<Route> route(List<String> cookieHeaders) {
    if (main.up()) {
      return main.route(cookieHeaders);
    }
    return fallback.up() ? fallback.route(cookieHeaders) : Optional.empty();
  }

  @Override
  public boolean up() {
    return main.up() || fallback.up();
  }

  @Override
  public void onStatusChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }
}
