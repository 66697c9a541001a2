package io.cairn.gateway.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Traefik's {@code weighted} service: weighted round robin over child services (with an optional
 * sticky cookie of its own). A child service that goes down (none of its servers up) is skipped until
 * it comes back.
 */
public final class WeightedService implements ServiceNode {
  private final String name;
  private final WrrBalancer<ServiceNode> balancer;

  public WeightedService(String name, List<Child<ServiceNode>> children, StickyCookie sticky) {
    this.name = name;
    this.balancer = new WrrBalancer<>(children, sticky);
    for (Child<ServiceNode> c : children) {
      if (!c.value().up()) {
        balancer.setStatus(c.name(), Balancer.Source.ACTIVE_CHECK, false);
      }
      // re-read rather than trust the value: two changes may be delivered out of order
      c.value().onStatusChange(up -> balancer.setStatus(c.name(), Balancer.Source.ACTIVE_CHECK, c.value().up()));
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<Route> route(List<String> cookieHeaders) {
    Optional<Choice<ServiceNode>> choice = balancer.choose(cookieHeaders);
    if (choice.isEmpty()) {
      return Optional.empty();
    }
    Choice<ServiceNode> c = choice.get();
    Optional<Route> inner = c.child().value().route(cookieHeaders);
    if (inner.isEmpty()) {
      balancer.finished(c);
      return Optional.empty();
    }
    return Optional.of(inner.get().prepend(c.setCookie(), () -> balancer.finished(c)));
  }

  @Override
  public boolean up() {
    return balancer.anyUp();
  }

  @Override
  public void onStatusChange(Consumer<Boolean> listener) {
    balancer.onStatusChange(listener);
  }
}
