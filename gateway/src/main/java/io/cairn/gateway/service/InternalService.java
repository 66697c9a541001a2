package io.cairn.gateway.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One of Traefik's {@code @internal} services named by a dynamic router ({@code api@internal},
 * {@code dashboard@internal}, {@code ping@internal}, {@code prometheus@internal}, {@code
 * noop@internal}): the gateway answers the request itself after the router's middlewares. It has
 * no servers, so {@link #route} is always empty (inside a {@code weighted}, {@code failover} or
 * {@code mirroring} service it answers 503); it is always up. Immutable and thread-safe.
 *
 * @param name the qualified name, e.g. {@code api@internal}
 */
public record InternalService(String name) implements ServiceNode {
  /** The internal services a router may name (without {@code @internal}). */
  public static final Set<String> ROUTABLE = Set.of("api", "dashboard", "ping", "prometheus", "noop");

  public InternalService {
    Objects.requireNonNull(name, "name");
    if (!name.endsWith("@internal") || !ROUTABLE.contains(name.substring(0, name.length() - "@internal".length()))) {
      throw new IllegalArgumentException("no routable internal service named " + name + "; expected one of "
          + ROUTABLE.stream().sorted().map(n -> n + "@internal").toList());
    }
  }

  /** The name without {@code @internal}: {@code api}, {@code ping}, … */
  public String kind() {
    return name.substring(0, name.length() - "@internal".length());
  }

  @Override
  public Optional<Route> route(List<String> cookieHeaders) {
    return Optional.empty();
  }

  @Override
  public boolean up() {
    return true;
  }

  @Override
  public void onStatusChange(Consumer<Boolean> listener) {
    // never changes
  }
}
