package io.cairn.gateway.service;

import java.util.Objects;
import java.util.Set;

/**
 * One of Traefik's {@code @internal} services named by a dynamic router ({@code api@internal},
 * {@code dashboard@internal}, {@code ping@internal}, {@code prometheus@internal}, {@code
 * noop@internal}): the gateway answers the request itself after the router's middlewares. It has
 * no servers, so {@link #route} is always empty (inside a {@code weighted}, {@code failover} or
 * {@code mirroring} service it answers 503); it is always up. Immutable and thread-safe.
 *
 * @param name the qualified name, e.g. {@code api@internal}
 */
public record InternalService(String name) implements AnsweredByGateway {
  /** The internal services a router may name (without {@code @internal}). */
  public static final Set<String> ROUTABLE = Set.of("api", "dashboard", "ping", "prometheus", "noop");

  public InternalService {
    Objects.requireNonNull(name, "name");
    if (!routable(name)) {
      throw new IllegalArgumentException("no routable internal service named " + name + "; expected one of "
          + ROUTABLE.stream().sorted().map(n -> n + "@internal").toList());
    }
  }

  /** The internal service {@code ref} names, or empty when it names none that a router may use. */
  public static java.util.Optional<InternalService> named(String ref) {
    return routable(ref) ? java.util.Optional.of(new InternalService(ref)) : java.util.Optional.empty();
  }

  private static boolean routable(String ref) {
    return ref.endsWith("@internal") && ROUTABLE.contains(ref.substring(0, ref.length() - "@internal".length()));
  }

  /** The name without {@code @internal}: {@code api}, {@code ping}, … */
  public String kind() {
    return name.substring(0, name.length() - "@internal".length());
  }
}
