package io.cairn.gateway.acme;

import io.cairn.gateway.acme.testca.TestAcmeServer;
import io.cairn.gateway.acme.testca.TestCa;
import io.cairn.gateway.config.StaticConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pieces an ACME test needs: a test CA and ACME server, the two challenge responders served
 * by small stand-in servers, and resolvers with short timeouts and backoff, all closed together.
 */
final class AcmeFixture implements AutoCloseable {
  final TestCa ca = new TestCa();
  final TestAcmeServer acme;
  final HttpChallenges http = new HttpChallenges();
  final TlsAlpnChallenges tls = new TlsAlpnChallenges();
  final ChallengeHttpServer httpServer;
  final ChallengeTlsServer tlsServer;
  private final List<AutoCloseable> resolvers = new ArrayList<>();

  AcmeFixture() throws Exception {
    acme = new TestAcmeServer(ca);
    httpServer = new ChallengeHttpServer(http);
    tlsServer = new ChallengeTlsServer(tls);
  }

  /** Points the CA's HTTP-01 and TLS-ALPN-01 validation for {@code domains} at our servers. */
  void map(String... domains) {
    for (String d : domains) {
      acme.mapHttp(d, httpServer.port());
      acme.mapTls(d, tlsServer.port());
    }
  }

  StaticConfig.Acme config(Path storage, boolean httpChallenge, boolean tlsChallenge) {
    return new StaticConfig.Acme("ops@example.test", storage.toString(), acme.directory().toString(),
        "EC256", httpChallenge ? Optional.of("web") : Optional.empty(), tlsChallenge, 2160);
  }

  AcmeOptions options() {
    return AcmeOptions.DEFAULTS
        .withTimeout(Duration.ofSeconds(20))
        .withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)))
        .withCaTrust(ca.clientContext());
  }

  AcmeResolver resolver(String name, StaticConfig.Acme config, AcmeOptions options) {
    var r = new AcmeResolver(name, config, new JsonFileStorage(Path.of(config.storage()), name),
        http, tls, options);
    resolvers.add(r);
    return r;
  }

  AcmeResolver resolver(StaticConfig.Acme config) {
    return resolver("le", config, options());
  }

  @Override
  public void close() throws Exception {
    for (var r : resolvers) {
      r.close();
    }
    tlsServer.close();
    httpServer.close();
    acme.close();
  }
}
