package io.cairn.gateway.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP router ({@code http.routers.NAME}): which requests it takes and where they go.
 *
 * @param entryPoints entry point names; empty means every entry point (Traefik's default for
 *     routers that list none is the entry points marked as default, which is all of them unless
 *     {@code asDefault} is used — cairn does not support {@code asDefault})
 * @param middlewares middleware references in order, each {@code name} or {@code name@provider}
 * @param service a service reference, {@code name} or {@code name@provider}; empty if not given
 *     (the validator reports that)
 * @param rule the matching rule in Traefik's syntax; checked through a {@link RuleChecker}
 * @param ruleSyntax {@code "v3"}, {@code "v2"}, or {@code ""} for the static {@code
 *     core.defaultRuleSyntax}
 * @param priority explicit priority; 0 means "by rule length" as in Traefik
 * @param tls present when the router only takes TLS requests ({@code tls: {}} is enough)
 */
public record Router(
    List<String> entryPoints,
    List<String> middlewares,
    String service,
    String rule,
    String ruleSyntax,
    long priority,
    Optional<Tls> tls) {

  public Router {
    entryPoints = Checks.list(entryPoints);
    middlewares = Checks.list(middlewares);
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(ruleSyntax, "ruleSyntax");
    Objects.requireNonNull(tls, "tls");
  }

  /**
   * A router's TLS settings ({@code RouterTLSConfig}).
   *
   * @param certResolver name of a static {@code certificatesResolvers} entry, or empty
   * @param options name of a {@code tls.options} entry; empty means {@code default}
   * @param domains names to obtain certificates for; empty means "from the rule's Host"
   */
  public record Tls(String certResolver, String options, List<Domain> domains) {
    public Tls {
      Objects.requireNonNull(certResolver, "certResolver");
      Objects.requireNonNull(options, "options");
      domains = Checks.list(domains);
    }
  }
}
