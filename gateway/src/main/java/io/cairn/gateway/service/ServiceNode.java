package io.cairn.gateway.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A service of the dynamic configuration, built into the object that routes requests: a {@code
 * loadBalancer} of servers, or a {@code weighted}, {@code failover} or {@code mirroring} composition
 * of other services. Thread-safe; immutable apart from health state.
 */
public sealed interface ServiceNode
    permits LoadBalancerService, WeightedService, FailoverService, MirroringService, AnsweredByGateway {
  /** The service's name as configured (with its {@code @provider} suffix when it has one). */
  String name();

  /**
   * Routes one request whose {@code Cookie} header values are {@code cookieHeaders} (empty when
   * none); empty when nothing is up, which the proxy answers with 503 {@code no available server}.
   * A returned route must be {@linkplain Route#finished finished} exactly once.
   */
  Optional<Route> route(List<String> cookieHeaders);

  /** Whether a request could be routed now. */
  boolean up();

  /** Calls {@code listener} with the new value whenever {@link #up()} changes. */
  void onStatusChange(Consumer<Boolean> listener);
}
