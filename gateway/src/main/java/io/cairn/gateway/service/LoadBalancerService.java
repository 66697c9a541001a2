package io.cairn.gateway.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Traefik's {@code loadBalancer} service: a {@link Balancer} over servers, with optional passive
 * outlier ejection fed by each request's outcome. Active health checks are run by an {@link
 * ActiveHealthCheck} the owner starts and stops with the configuration.
 */
public final class LoadBalancerService implements ServiceNode {
  private final String name;
  private final Balancer<ServerTarget> balancer;
  private final PassiveHealth passive;

  /** @param passive null for no passive ejection */
  public LoadBalancerService(String name, Balancer<ServerTarget> balancer, PassiveHealth passive) {
    this.name = name;
    this.balancer = balancer;
    this.passive = passive;
  }

  @Override
  public String name() {
    return name;
  }

  public Balancer<ServerTarget> balancer() {
    return balancer;
  }

  @Override
  public Optional<Route> route(List<String> cookieHeaders) {
    return balancer.choose(cookieHeaders).map(choice -> new Route(
        choice.child().value(),
        choice.setCookie() == null ? List.of() : List.of(choice.setCookie()),
        List.of(), true, -1,
        failed -> {
          balancer.finished(choice);
          if (passive != null) {
            passive.record(balancer, choice.child().name(), failed);
          }
        }));
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
