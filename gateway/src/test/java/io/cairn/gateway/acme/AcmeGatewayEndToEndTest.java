package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.gateway.acme.testca.AcmeTesting;
import io.cairn.gateway.acme.testca.TestAcmeServer;
import io.cairn.gateway.acme.testca.TestCa;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import io.cairn.gateway.tls.Cli;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certificatesResolvers} put to work by a real gateway, configured as a Traefik user would
 * (YAML, {@code caCertificates} trusting the private CA), against the ACME test CA of the test
 * code, checked with the real curl: HTTP-01 answered on the challenge entry point before its
 * redirection to HTTPS, TLS-ALPN-01 answered on the TLS entry point, a router added by a reload
 * gets its certificate, and a restarted gateway presents the stored certificates with the CA gone.
 */
class AcmeGatewayEndToEndTest {
  @TempDir Path dir;

  private TestCa ca;
  private TestAcmeServer acme;
  private HttpServer backend;
  private GatewayServer gateway;
  private int web;
  private int websecure;
  private Path caPem;
  private Path dynamic;
  private URI directory;

  @BeforeEach
  void start() throws Exception {
    ca = new TestCa();
    acme = new TestAcmeServer(ca);
    directory = acme.directory();
    caPem = dir.resolve("ca.pem");
    try (var w = new JcaPEMWriter(Files.newBufferedWriter(caPem))) {
      w.writeObject(ca.certificate());
    }
    backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", ex -> {
      byte[] body = ("backend " + ex.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    backend.start();
    web = AcmeTesting.freePort();
    websecure = AcmeTesting.freePort();
    for (String d : new String[] {"http.example.test", "alpn.example.test", "later.example.test"}) {
      acme.mapHttp(d, web);
      acme.mapTls(d, websecure);
    }
    dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, routers(""));
    gateway = startGateway();
  }

  private GatewayServer startGateway() throws Exception {
    Path staticFile = dir.resolve("traefik.yml");
    Files.writeString(staticFile, """
        entryPoints:
          web:
            address: "127.0.0.1:%d"
            http:
              redirections:
                entryPoint: {to: websecure}
          websecure:
            address: "127.0.0.1:%d"
        providers:
          file: {filename: "%s", watch: true}
        certificatesResolvers:
          byhttp:
            acme:
              email: ops@example.test
              storage: "%s"
              caServer: "%s"
              caCertificates: ["%s"]
              keyType: EC256
              httpChallenge: {entryPoint: web}
          byalpn:
            acme:
              email: ops@example.test
              storage: "%s"
              caServer: "%s"
              caCertificates: ["%s"]
              keyType: EC256
              tlsChallenge: {}
        """.formatted(web, websecure, dynamic, dir.resolve("acme.json"), directory, caPem,
        dir.resolve("acme.json"), directory, caPem));
    StaticConfig config = StaticConfig.parse(Files.readString(staticFile), staticFile.toString());
    var g = new GatewayServer(config, dir.resolve("pki"),
        AcmeTesting.quickOptions(Duration.ofSeconds(20), Duration.ofMillis(200), Duration.ofSeconds(1)));
    g.start();
    for (Endpoint e : g.endpoints()) {
      assertThat(URI.create(e.url()).getPort()).isIn(web, websecure);
    }
    return g;
  }

  private String routers(String extra) {
    return """
        http:
          routers:
            byhttp:
              rule: "Host(`http.example.test`)"
              service: backend
              entryPoints: [websecure]
              tls: {certResolver: byhttp}
            byalpn:
              rule: "Host(`alpn.example.test`)"
              service: backend
              entryPoints: [websecure]
              tls: {certResolver: byalpn}
        %s
          services:
            backend:
              loadBalancer:
                servers:
                  - url: http://127.0.0.1:%d
        """.formatted(extra, backend.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop();
    }
    if (backend != null) {
      backend.stop(0);
    }
    if (acme != null) {
      acme.close();
    }
  }

  @Test
  void http01AndTlsAlpn01CertificatesAreObtainedAndServed() throws Exception {
    Cli.Result http = awaitTrusted("http.example.test");
    assertThat(http.out()).isEqualTo("backend http.example.test:" + websecure);
    assertThat(http.err()).contains("issuer: CN=cairn test ACME CA");
    Cli.Result alpn = awaitTrusted("alpn.example.test");
    assertThat(alpn.out()).isEqualTo("backend alpn.example.test:" + websecure);
    assertThat(acme.validationsPassed()).isGreaterThanOrEqualTo(2);
    assertThat(Files.readString(dir.resolve("acme.json")))
        .contains("\"byhttp\"", "\"byalpn\"", "http.example.test", "alpn.example.test");
  }

  @Test
  void challengePathsAreAnsweredBeforeTheRedirectionAndUnknownTokensGet404() throws Exception {
    Cli.Result unknown = Cli.curl("-s", "-o", "/dev/null", "-w", "%{http_code}",
        "http://127.0.0.1:" + web + HttpChallenges.PATH_PREFIX + "no-such-token");
    assertThat(unknown.out()).isEqualTo("404");
    Cli.Result other = Cli.curl("-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:" + web + "/x");
    assertThat(other.out()).isEqualTo("301");
  }

  @Test
  void aRouterAddedByAReloadGetsItsCertificateAndARestartServesStoredOnesWithoutTheCa() throws Exception {
    awaitTrusted("http.example.test");
    Files.writeString(dynamic, routers("""
                later:
                  rule: "Host(`later.example.test`)"
                  service: backend
                  entryPoints: [websecure]
                  tls: {certResolver: byhttp}
            """));
    awaitTrusted("later.example.test");
    int issued = acme.certificatesIssued();

    gateway.stop();
    acme.close();
    acme = null;
    gateway = startGateway();
    Cli.Result stored = get("later.example.test");
    assertThat(stored.exit()).as(stored.err()).isZero();
    assertThat(stored.err()).contains("issuer: CN=cairn test ACME CA");
    assertThat(issued).isGreaterThanOrEqualTo(2);
  }

  private Cli.Result awaitTrusted(String host) throws Exception {
    return AcmeTesting.awaitTrusted(host, websecure, caPem, Duration.ofSeconds(60));
  }

  private Cli.Result get(String host) throws Exception {
    return Cli.curl("-v", "--cacert", caPem.toString(), "--resolve", host + ":" + websecure + ":127.0.0.1",
        "https://" + host + ":" + websecure + "/");
  }

}
