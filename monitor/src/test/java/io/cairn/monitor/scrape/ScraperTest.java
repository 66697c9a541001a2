package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.cairn.tsdb.model.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Scraper} end to end: redirects (plain fetch, then the JDK client) and https targets. */
class ScraperTest {
  private static final String BODY = "up_metric 1\n";

  @TempDir Path dir;

  private static void answer(HttpExchange ex, int status, String location, String body) throws IOException {
    if (location != null) {
      ex.getResponseHeaders().set("Location", location);
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  private static <S extends HttpServer> S serve(S server) {
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/old", ex -> answer(ex, 302, "/metrics", ""));
    server.createContext("/metrics", ex -> answer(ex, 200, null, BODY));
    server.start();
    return server;
  }

  private static Scraper scraper(URI url, HttpSettings http) {
    ScrapeTarget t = new ScrapeTarget(Labels.of("job", "t", "instance", url.getAuthority()), Labels.EMPTY, url,
        Duration.ofSeconds(5), Duration.ofSeconds(3), ScrapeSettings.DEFAULT.withHttp(http));
    return new Scraper(HttpClients.build(http), t);
  }

  private static String text(Scraper.Body b) {
    return new String(b.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void redirectsAreFollowedUnlessFollowRedirectsIsOff() throws Exception {
    HttpServer server = serve(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    try {
      URI old = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/old");
      Scraper follows = scraper(old, HttpSettings.DEFAULT);
      assertThat(text(follows.scrape())).isEqualTo(BODY);
      assertThat(text(follows.scrape())).isEqualTo(BODY);
      follows.close();

      Scraper stays = scraper(old, new HttpSettings(Optional.empty(), TlsSettings.DEFAULT, false));
      assertThatThrownBy(stays::scrape).isInstanceOf(Scraper.ScrapeFailure.class)
          .hasMessage("server returned HTTP status 302 (expected 200)");
      stays.close();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRefusedConnectionSaysSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/metrics");
    assertThatThrownBy(() -> scraper(url, HttpSettings.DEFAULT).scrape()).isInstanceOf(Scraper.ScrapeFailure.class)
        .hasMessageStartingWith("Get \"" + url + "\": connection refused");
  }

  @Test
  void httpsTargetsAreCheckedAgainstTheConfiguredCa() throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1")
        .redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();

    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(key, cert)));
    serve(server);
    try {
      URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
      TlsSettings trusted = new TlsSettings(Optional.of(cert), Optional.empty(), Optional.empty(), Optional.empty(), false);
      assertThat(text(scraper(url, new HttpSettings(Optional.empty(), trusted, true)).scrape())).isEqualTo(BODY);

      TlsSettings insecure = new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true);
      assertThat(text(scraper(url, new HttpSettings(Optional.empty(), insecure, true)).scrape())).isEqualTo(BODY);

      assertThatThrownBy(() -> scraper(url, HttpSettings.DEFAULT).scrape()).isInstanceOf(Scraper.ScrapeFailure.class)
          .hasMessageStartingWith("Get \"" + url + "\": ");
    } finally {
      server.stop(0);
    }
  }

  private static SSLContext serverContext(Path keyPem, Path certPem) throws Exception {
    String pem = Files.readString(keyPem);
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    var privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    Certificate c;
    try (InputStream in = Files.newInputStream(certPem)) {
      c = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("k", privateKey, new char[0], new Certificate[] {c});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }
}
