package io.cairn.gateway.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The routers of one entry point, ordered as Traefik orders them, and the lookup of the router a
 * request goes to.
 *
 * <p>Order: priority descending, where a priority of {@code 0} means the default, the rule's
 * length in UTF-8 bytes ({@link Rules#defaultPriority}); between equal priorities, router name
 * ascending. (Traefik breaks ties by provider precedence and then leaves the order to an unstable
 * sort over a map; cairn makes it deterministic.) {@link #match} returns the payload of the first
 * router whose rule matches.
 *
 * <p>Immutable once built and safe to share between threads; a configuration change builds a new
 * table and swaps it in whole.
 *
 * @param <T> what a router leads to (its handler chain, its name, …)
 */
public final class RouteTable<T> {

  /** A router as the table holds it. */
  public record Route<T>(String name, String rule, RuleSyntax syntax, int priority, T payload,
      RequestMatcher matcher) {}

  private final List<Route<T>> routes;

  private RouteTable(List<Route<T>> routes) {
    this.routes = List.copyOf(routes);
  }

  /** A builder for a table. Not thread-safe; use it from one thread. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** The routes in matching order. */
  public List<Route<T>> routes() {
    return routes;
  }

  /** The payload of the first route whose rule matches {@code request}; empty when none does. */
  public Optional<T> match(RequestView request) {
    for (Route<T> route : routes) {
      if (route.matcher().matches(request)) {
        return Optional.of(route.payload());
      }
    }
    return Optional.empty();
  }

  /** Collects routers, then compiles and orders them. */
  public static final class Builder<T> {
    private record Pending<T>(String name, String rule, String syntax, int priority, T payload) {}

    private final List<Pending<T>> pending = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a router.
     *
     * @param name the router's name, unique in the table
     * @param rule its rule text
     * @param syntax {@code v2} or {@code v3}; null or empty for the default (v3)
     * @param priority its priority; {@code 0} for the default (rule length)
     * @param payload what a match returns, not null
     */
    public Builder<T> add(String name, String rule, String syntax, int priority, T payload) {
      Checks.requireArgument(name != null && !name.isEmpty(),
          "router name is %s; expected a non-empty name", name == null ? "null" : "empty");
      Checks.requireArgument(payload != null, "payload of router %s is null; expected a value",
          name);
      Checks.requireArgument(pending.stream().noneMatch(p -> p.name().equals(name)),
          "router %s is added twice; expected unique names", name);
      pending.add(new Pending<>(name, rule, syntax, priority, payload));
      return this;
    }

    /**
     * Builds the table, refusing it if any rule is bad.
     *
     * @throws InvalidRoutesException listing every bad router with its problem
     */
    public RouteTable<T> build() throws InvalidRoutesException {
      List<RouteError> errors = new ArrayList<>();
      RouteTable<T> table = build(errors::add);
      if (!errors.isEmpty()) {
        throw new InvalidRoutesException(errors);
      }
      return table;
    }

    /**
     * Builds the table from the good routers only, as Traefik does at run time: each bad router
     * is reported to {@code onError} and left out.
     */
    public RouteTable<T> build(Consumer<RouteError> onError) {
      List<Route<T>> routes = new ArrayList<>();
      for (Pending<T> p : pending) {
        if (p.rule() == null || p.rule().isEmpty()) {
          onError.accept(new RouteError(p.name(), "the rule is empty"));
          continue;
        }
        RuleSyntax syntax = RuleSyntax.of(p.syntax());
        try {
          RequestMatcher matcher = Rules.compile(p.rule(), p.syntax());
          int priority = p.priority() == 0 ? Rules.defaultPriority(p.rule()) : p.priority();
          routes.add(new Route<>(p.name(), p.rule(), syntax, priority, p.payload(), matcher));
        } catch (RuleSyntaxException e) {
          onError.accept(new RouteError(p.name(), e.getMessage()));
        }
      }
      routes.sort(Comparator.<Route<T>>comparingInt(Route::priority).reversed()
          .thenComparing(Route::name));
      return new RouteTable<>(routes);
    }
  }
}
