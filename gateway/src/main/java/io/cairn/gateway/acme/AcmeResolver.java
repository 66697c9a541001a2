package io.cairn.gateway.acme;

import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.tls.CertificateSource;
import io.cairn.gateway.tls.CertifiedKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code certificatesResolvers.NAME.acme} resolver: obtains certificates from an ACME CA for the
 * domain lists it is asked to {@link #ensure}, keeps them in its {@link AcmeStorage}, renews them,
 * and presents them through {@link #certificateFor}.
 *
 * <p>Threads: see {@link RenewalScheduler}; a domain list has at most one check pending or running
 * at a time. Failures (CA errors, malformed answers, failed challenges, storage errors) are logged and retried
 * after {@link AcmeOptions#backoff()}; nothing is thrown to callers, and a certificate being
 * renewed keeps being served until its successor is stored.
 */
public final class AcmeResolver implements CertificateSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AcmeResolver.class);

  private final String name;
  private final AcmeStorage storage;
  private final Issuer issuer;
  private final ConcurrentHashMap<Set<String>, Managed> bySet = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Managed> byName = new ConcurrentHashMap<>();
  private final RenewalScheduler scheduler;

  /**
   * A resolver with {@code acme.json}-style storage at {@code config.storage()} and default options.
   */
  public static AcmeResolver create(
      String name, StaticConfig.Acme config, HttpChallenges http, TlsAlpnChallenges tls) {
    return new AcmeResolver(
        name, config, new JsonFileStorage(Path.of(config.storage()), name), http, tls,
        AcmeOptions.DEFAULTS);
  }

  /**
   * Builds the resolver and loads the stored certificates (blocking file I/O: call it at start-up,
   * not on an event loop); stored certificates are served and renewed at once.
   *
   * @throws IllegalArgumentException when the configuration cannot work: unknown keyType, a
   *     caServer that is not an http(s) URL, or neither an HTTP nor a TLS challenge configured
   */
  public AcmeResolver(
      String name, StaticConfig.Acme config, AcmeStorage storage, HttpChallenges http,
      TlsAlpnChallenges tls, AcmeOptions options) {
    this.name = Objects.requireNonNull(name, "name");
    this.storage = Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(options, "options");
    BouncyCastle.register();
    if (config.httpChallenge().isEmpty() && !config.tlsChallenge()) {
      throw new IllegalArgumentException(
          "certificatesResolvers." + name + ".acme has no challenge; expected httpChallenge or"
              + " tlsChallenge (dnsChallenge is not supported)");
    }
    var session =
        CaSessions.open(URI.create(config.caServer()), options.caTrust(), options.timeout());
    this.issuer =
        new Issuer(name, config.email(), config.keyType(), config.httpChallenge().isPresent(),
            config.tlsChallenge(), session, storage, http, tls, options.timeout());
    this.scheduler = new RenewalScheduler(name, options, domains -> storage.exclusively(() -> {
      Optional<CertifiedKey> fresh = storedFresh(domains, options.renewal()); // another node's
      if (fresh.isPresent()) {
        return fresh.get();
      }
      CertifiedKey obtained = issuer.issue(domains);
      storage.saveCertificate(new AcmeStorage.Certificate(domains, obtained));
      return obtained;
    }));
    loadStored();
  }

  /** The resolver's name (its {@code certificatesResolvers} key). */
  public String name() {
    return name;
  }

  @Override
  public Optional<CertifiedKey> certificateFor(String serverName) {
    Managed m = byName.get(serverName);
    if (m == null || m.current == null) {
      String wildcard = DomainNames.wildcardFor(serverName);
      m = wildcard == null ? null : byName.get(wildcard);
    }
    CertifiedKey ck = m == null ? null : m.current;
    if (ck == null || ck.notAfter().isBefore(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(ck);
  }

  /**
   * Makes sure a certificate for {@code domains} (the main domain first) is obtained and kept
   * renewed. Idempotent (the list is compared as a set) and non-blocking: the work runs in the
   * background. The future completes when a certificate for the list is served (at once when one
   * is stored and valid); it never completes exceptionally, failures being retried, and is
   * cancelled only by {@link #close()}.
   *
   * @throws IllegalArgumentException when the list is empty or holds a name that is not a DNS name
   */
  public CompletableFuture<CertifiedKey> ensure(List<String> domains) {
    List<String> names = DomainNames.normalize(domains);
    var created = new boolean[1];
    Managed m =
        bySet.computeIfAbsent(Set.copyOf(names), k -> {
          created[0] = true;
          return new Managed(names);
        });
    if (created[0]) {
      names.forEach(n -> byName.putIfAbsent(n, m));
      scheduler.watch(m);
    }
    var answer = new CompletableFuture<CertifiedKey>();
    m.ready.whenComplete((ck, failure) -> {
      if (failure == null) {
        answer.complete(ck);
      } else {
        answer.cancel(false);
      }
    });
    return answer;
  }

  /** The certificates served now, for the metrics' {@code traefik_tls_certs_not_after}. */
  public List<io.cairn.gateway.tls.CertInfo> certificates() {
    return bySet.values().stream().map(m -> m.current).filter(Objects::nonNull)
        .map(ck -> io.cairn.gateway.tls.CertInfo.of(ck, "acme:" + name)).toList();
  }

  /** Stops the scheduler and interrupts running CA conversations; certificates stay stored. */
  @Override
  public void close() {
    scheduler.close();
    bySet.values().forEach(m -> m.ready.cancel(false));
  }

  /** A stored certificate for exactly {@code domains} that is not yet due for renewal. */
  private Optional<CertifiedKey> storedFresh(List<String> domains, RenewalPolicy renewal) throws IOException {
    Set<String> wanted = Set.copyOf(domains);
    Instant now = Instant.now();
    return storage.certificates().stream()
        .filter(c -> Set.copyOf(c.domains()).equals(wanted))
        .map(AcmeStorage.Certificate::certifiedKey)
        .filter(ck -> renewal.renewAt(ck.leaf()).isAfter(now))
        .findFirst();
  }

  private void loadStored() {
    List<AcmeStorage.Certificate> stored;
    try {
      stored = storage.certificates();
    } catch (IOException | RuntimeException e) {
      LOG.error("ACME resolver {}: cannot read the stored certificates: {}", name, e.toString());
      return;
    }
    for (var c : stored) {
      List<String> names;
      try {
        names = DomainNames.normalize(c.domains());
      } catch (IllegalArgumentException e) {
        LOG.warn("ACME resolver {}: skipping a stored certificate: {}", name, e.getMessage());
        continue;
      }
      var m = new Managed(names);
      m.serve(c.certifiedKey());
      if (bySet.putIfAbsent(Set.copyOf(names), m) == null) {
        names.forEach(n -> byName.putIfAbsent(n, m));
        scheduler.watch(m);
      }
    }
  }
}
