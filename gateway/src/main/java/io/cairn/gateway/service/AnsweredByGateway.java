package io.cairn.gateway.service;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A service the gateway answers itself instead of routing to a server (a {@code fileServer}, an
 * {@code @internal} service). It has no servers, so {@link #route} is always empty (inside a {@code
 * weighted}, {@code failover} or {@code mirroring} service it answers 503), and it is always up.
 */
public sealed interface AnsweredByGateway extends ServiceNode permits FileServerService, InternalService {
  @Override
  default Optional<Route> route(List<String> cookieHeaders) {
    return Optional.empty();
  }

  @Override
  default boolean up() {
    return true;
  }

  @Override
  default void onStatusChange(Consumer<Boolean> listener) {
    // never changes
  }
}
