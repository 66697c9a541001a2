package io.cairn.gateway.runtime;

import io.cairn.gateway.acme.AcmeOptions;
import io.cairn.gateway.acme.AcmeResolver;
import io.cairn.gateway.acme.CaTrust;
import io.cairn.gateway.acme.HttpChallenges;
import io.cairn.gateway.acme.JsonFileStorage;
import io.cairn.gateway.acme.RouterDomains;
import io.cairn.gateway.acme.TlsAlpnChallenges;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.observe.RouteFacts;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import io.cairn.gateway.tls.GatewayTls;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static {@code certificatesResolvers} put to work, as Traefik's ACME provider: one {@link
 * AcmeResolver} per resolver, each a certificate source of the gateway's TLS after the file
 * certificates; TLS-ALPN-01 answered by the TLS layer on every entry point; HTTP-01 answered on
 * each resolver's {@code httpChallenge.entryPoint} before anything else (routing and the entry
 * point's redirections included, as Traefik's highest-priority challenge router); and after each
 * configuration is applied, every router's domains (see {@link RouterDomains}) ensured with its
 * resolver.
 *
 * <p>Storage: with the kv provider ({@code providers.etcd}) configured, every resolver keeps its
 * account and certificates in that kv, shared by all gateway nodes and ordered under a kv lock
 * ({@link io.cairn.gateway.provider.kv.KvAcmeStorage}; {@code storage} is then not used); else in
 * the {@code storage} file, as Traefik.
 *
 * <p>Decision: a domain list that leaves the configuration keeps its certificate stored and
 * renewed until the gateway restarts (Traefik keeps them in {@code acme.json} too). Thread-safe:
 * {@link #ensure} may run on any thread; the router wrapper is non-blocking.
 */
final class AcmeCertificates implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AcmeCertificates.class);

  private final HttpChallenges http = new HttpChallenges();
  private final TlsAlpnChallenges tlsAlpn = new TlsAlpnChallenges();
  private final Map<String, AcmeResolver> resolvers = new LinkedHashMap<>();
  private final Set<String> httpEntryPoints;
  private final String defaultRuleSyntax;

  /**
   * Builds every resolver of {@code config} (reads their storage: call at start-up) and adds them
   * to {@code tls}.
   *
   * @param options the options of each resolver, from its trust ({@link CaTrust})
   * @throws IllegalArgumentException when a resolver cannot work (see {@link AcmeResolver}); the
   *     message names it
   */
  AcmeCertificates(StaticConfig config, GatewayTls tls, Function<StaticConfig.Acme, AcmeOptions> options) {
    this.defaultRuleSyntax = config.core().defaultRuleSyntax();
    try {
      config.certificatesResolvers().forEach((name, r) -> {
        StaticConfig.Acme acme = r.acme();
        io.cairn.gateway.acme.AcmeStorage storage = config.providers().etcd().isPresent()
            ? new io.cairn.gateway.provider.kv.KvAcmeStorage(config.providers().etcd().get(), name)
            : new JsonFileStorage(Path.of(acme.storage()), name);
        resolvers.put(name, new AcmeResolver(name, acme, storage, http, tlsAlpn, options.apply(acme)));
      });
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.httpEntryPoints = config.certificatesResolvers().values().stream()
        .flatMap(r -> r.acme().httpChallenge().stream()).collect(Collectors.toUnmodifiableSet());
    resolvers.values().forEach(tls::addSource);
    tls.challenges(tlsAlpn::challengeCertificate);
  }

  /** The default options with the trust of {@code acme}'s {@code caCertificates} (or the environment's). */
  static AcmeOptions defaultOptions(StaticConfig.Acme acme) {
    AcmeOptions o = AcmeOptions.DEFAULTS;
    return CaTrust.of(acme.caCertificates(), acme.caSystemCertPool(), System.getenv())
        .map(o::withCaTrust).orElse(o);
  }

  /** Every resolver's certificates served now. */
  List<io.cairn.gateway.tls.CertInfo> certificates() {
    return resolvers.values().stream().flatMap(r -> r.certificates().stream()).toList();
  }

  /** Whether any resolver is configured. */
  boolean isEmpty() {
    return resolvers.isEmpty();
  }

  /** Asks each resolver for the domains of the routers that name it, in every provider's configuration. */
  void ensure(Map<String, DynamicConfig> modeled) {
    resolvers.forEach((name, resolver) -> {
      for (DynamicConfig c : modeled.values()) {
        for (List<String> domains : RouterDomains.forResolver(name, c.http(), defaultRuleSyntax)) {
          try {
            resolver.ensure(domains);
          } catch (IllegalArgumentException e) {
            log.warn("certificate resolver {}: cannot obtain a certificate for {}: {}", name, domains, e.getMessage());
          }
        }
      }
    });
  }

  /**
   * {@code next} with HTTP-01 answered first on entry points that are some resolver's {@code
   * httpChallenge.entryPoint}; other entry points get {@code next} itself.
   */
  RequestRouter forEntryPoint(String entryPoint, RequestRouter next) {
    if (!httpEntryPoints.contains(entryPoint)) {
      return next;
    }
    return new RequestRouter() {
      @Override
      public Target route(RequestHead head) {
        Target t = challenge(head);
        return t != null ? t : next.route(head);
      }

      @Override
      public Target route(RequestHead head, RouteFacts facts) {
        Target t = challenge(head);
        return t != null ? t : next.route(head, facts);
      }

      @Override
      public io.cairn.gateway.observe.ExchangeObserver observer() {
        return next.observer();
      }
    };
  }

  private Target challenge(RequestHead head) {
    String path = head.path();
    if (!path.startsWith(HttpChallenges.PATH_PREFIX)) {
      return null;
    }
    return http.answer(path)
        .<Target>map(k -> new Target.Respond(200, Map.of("Content-Type", "text/plain; charset=utf-8"),
            k.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .orElseGet(() -> new Target.Respond(404, Map.of(), new byte[0]));
  }

  @Override
  public void close() {
    resolvers.values().forEach(AcmeResolver::close);
  }
}
