package io.cairn.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks one provider's dynamic configuration as a whole and reports <em>every</em> problem.
 *
 * <h2>What is checked</h2>
 *
 * Routers: a rule (syntax through the injected {@link RuleChecker}), a known {@code ruleSyntax}, a
 * service that exists, middlewares that exist, entry points and certificate resolvers that exist in
 * the static configuration (when one is given), TLS options that exist. Services and middlewares:
 * their options ({@link ServiceRules}, {@link MiddlewareRules}), the references between them, and
 * no cycles (a chain that contains itself, a weighted service that contains itself). TLS: versions,
 * client auth types, certificate files named.
 *
 * <h2>Provider namespaces</h2>
 *
 * Traefik names every element {@code name@provider}: this configuration's elements are {@code
 * name@<provider>} (the file provider is {@code file}, the kv provider {@code etcd}, as Traefik's
 * etcd provider; the built-ins are {@code @internal}). A reference without {@code @} or with this
 * provider's suffix must exist here; {@code @internal} references must be one of Traefik's built-in
 * names ({@link #INTERNAL_SERVICES}, {@link #INTERNAL_MIDDLEWARES}); references into other
 * providers cannot be seen from one provider and are accepted unchecked.
 *
 * <p>Problems carry a {@code null} file; the provider attributes them. Instances are immutable and
 * thread-safe if the {@link RuleChecker} is.
 */
public final class Validator {
  /** Traefik's {@code @internal} services. */
  public static final Set<String> INTERNAL_SERVICES = Set.of("api", "dashboard", "noop", "ping", "prometheus", "rest", "acme-http");

  /** Traefik's {@code @internal} middlewares. */
  public static final Set<String> INTERNAL_MIDDLEWARES = Set.of("dashboard_redirect", "dashboard_stripprefix");

  private final RuleChecker rules;
  private final Optional<StaticConfig> staticConfig;
  private final String provider;

  /**
   * @param rules checks rule syntax
   * @param staticConfig when present, router entry points and certificate resolvers must exist in it
   * @param provider this configuration's provider name ({@code file}, {@code etcd}); not empty
   */
  public Validator(RuleChecker rules, Optional<StaticConfig> staticConfig, String provider) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.staticConfig = Objects.requireNonNull(staticConfig, "staticConfig");
    Checks.requireArgument(provider != null && !provider.isEmpty() && !provider.contains("@"),
        "a provider name is a non-empty word without @, got %s", provider);
    this.provider = provider;
  }

  /** Every problem in {@code config}, in a stable order (routers, services, middlewares, tls); empty if none. */
  public List<ConfigProblem> check(DynamicConfig config) {
    Problems problems = new Problems(null);
    Refs refs = new Refs(config, provider);
    String syntaxDefault = staticConfig.map(s -> s.core().defaultRuleSyntax()).orElse(StaticConfig.Core.DEFAULT_RULE_SYNTAX);
    config.http().routers().forEach((name, router) -> router("http.routers." + name, router, refs, syntaxDefault, config, problems));
    config.http().services().forEach((name, service) -> ServiceRules.check("http.services." + name, service, refs, problems));
    config.http().middlewares().forEach((name, m) -> MiddlewareRules.check("http.middlewares." + name, m, refs, problems));
    cycles(config.http().services(), ServiceRules::children, "http.services.", "service", problems);
    cycles(config.http().middlewares(), m -> m instanceof Middleware.Chain c ? c.middlewares() : List.of(),
        "http.middlewares.", "middleware chain", problems);
    TlsRules.check(config.tls(), problems);
    return problems.list();
  }

  /** Throws a {@link ConfigException} with every problem, if there is one. */
  public void validate(DynamicConfig config) throws ConfigException {
    List<ConfigProblem> problems = check(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private void router(String key, Router r, Refs refs, String syntaxDefault, DynamicConfig config, Problems problems) {
    String syntax = r.ruleSyntax().isEmpty() ? syntaxDefault : r.ruleSyntax();
    if (!List.of("v2", "v3").contains(r.ruleSyntax()) && !r.ruleSyntax().isEmpty()) {
      problems.add(key + ".ruleSyntax", "expected v3 or v2, got \"" + r.ruleSyntax() + "\"");
    } else if (r.rule().isBlank()) {
      problems.add(key + ".rule", "a router needs a rule");
    } else {
      rules.check(r.rule(), syntax).ifPresent(message -> problems.add(key + ".rule", message));
    }
    if (r.service().isEmpty()) {
      problems.add(key + ".service", "a router needs a service");
    } else {
      refs.service(key + ".service", r.service(), problems);
    }
    for (int i = 0; i < r.middlewares().size(); i++) {
      refs.middleware(key + ".middlewares[" + i + "]", r.middlewares().get(i), problems);
    }
    staticConfig.ifPresent(s -> {
      for (int i = 0; i < r.entryPoints().size(); i++) {
        if (!s.entryPoints().containsKey(r.entryPoints().get(i))) {
          problems.add(key + ".entryPoints[" + i + "]", "no entry point named \"" + r.entryPoints().get(i)
              + "\" (have: " + String.join(", ", s.entryPoints().keySet()) + ")");
        }
      }
      r.tls().filter(t -> !t.certResolver().isEmpty() && !s.certificatesResolvers().containsKey(t.certResolver()))
          .ifPresent(t -> problems.add(key + ".tls.certResolver", "no certificate resolver named \"" + t.certResolver() + "\""));
    });
    r.tls().filter(t -> !t.options().isEmpty() && !t.options().equals("default") && !t.options().contains("@")
            && !config.tls().options().containsKey(t.options()))
        .ifPresent(t -> problems.add(key + ".tls.options", "no TLS options named \"" + t.options() + "\""));
  }

  /** Reports each cycle once, at the element where the search first closes it. */
  private static <T> void cycles(Map<String, T> elements, Function<T, List<String>> children, String prefix, String what,
      Problems problems) {
    Map<String, Integer> state = new LinkedHashMap<>(); // 1 = on the path, 2 = done
    for (String start : elements.keySet()) {
      visit(start, elements, children, new ArrayList<>(), state, prefix, what, problems);
    }
  }

  private static <T> void visit(String name, Map<String, T> elements, Function<T, List<String>> children, List<String> path,
      Map<String, Integer> state, String prefix, String what, Problems problems) {
    Integer s = state.get(name);
    if (s != null) {
      if (s == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
        cycle.add(name);
        problems.add(prefix + path.getLast(), what + " cycle: " + String.join(" -> ", cycle));
      }
      return;
    }
    T element = elements.get(name);
    if (element == null) {
      return;
    }
    state.put(name, 1);
    path.add(name);
    for (String child : children.apply(element)) {
      Refs.local(child).ifPresent(c -> visit(c, elements, children, path, state, prefix, what, problems));
    }
    path.removeLast();
    state.put(name, 2);
  }
}
