package io.cairn.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.server.EntryPoint;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 upstreams through a real entry point: {@code h2c://} with curl (prior knowledge and
 * HTTP/1.1 clients) and h2load (multiplexing on pooled connections, the upstream's stream limit),
 * and {@code https://} with a self-signed backend under each serversTransport TLS option.
 */
class H2UpstreamTest {
  private static H2Backend h2c;
  private static H2Backend limited;
  private static H2Backend tls;
  private static H2Backend mutual;
  private static SelfSignedCertificate cert;
  private static SelfSignedCertificate client;
  private static SelfSignedCertificate otherCa;
  private static EntryPoint web;

  @BeforeAll
  static void start() throws Exception {
    cert = new SelfSignedCertificate("localhost");
    otherCa = new SelfSignedCertificate("localhost");
    SslContext ssl = SslContextBuilder.forServer(cert.certificate(), cert.privateKey())
        .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)).build();
    client = new SelfSignedCertificate("gateway-client");
    SslContext mutualSsl = SslContextBuilder.forServer(cert.certificate(), cert.privateKey())
        .trustManager(client.certificate()).clientAuth(io.netty.handler.ssl.ClientAuth.REQUIRE).build();
    mutual = new H2Backend(mutualSsl, 100);
    h2c = new H2Backend(null, 100);
    limited = new H2Backend(null, 4);
    tls = new H2Backend(ssl, 100);
    UpstreamTransport secure = UpstreamTransport.DEFAULT;
    RequestRouter router = head -> {
      String first = head.path().split("/")[1];
      return switch (first) {
        case "h2c" -> proxy("h2c://127.0.0.1:" + h2c.port(), secure);
        case "limited" -> proxy("h2c://127.0.0.1:" + limited.port(), secure);
        case "tls-insecure" -> proxy(https(), secure.withInsecureSkipVerify(true));
        case "tls-ca" -> proxy(https(), secure.withServerName("localhost")
            .withRootCAs(List.of(cert.certificate().getPath())));
        case "tls-wrong-ca" -> proxy(https(), secure.withServerName("localhost")
            .withRootCAs(List.of(otherCa.certificate().getPath())));
        case "tls-default" -> proxy(https(), secure);
        case "tls-h1" -> proxy(https(), secure.withInsecureSkipVerify(true).withDisableHttp2(true));
        case "mtls" -> proxy("https://127.0.0.1:" + mutual.port(), secure.withInsecureSkipVerify(true)
            .withCertificates(List.of(new UpstreamTransport.ClientCertificate(
                client.certificate().getPath(), client.privateKey().getPath()))));
        case "mtls-none" -> proxy("https://127.0.0.1:" + mutual.port(), secure.withInsecureSkipVerify(true));
        case "mtls-unreadable" -> proxy(https(), secure.withInsecureSkipVerify(true) // a backend asking for no certificate
            .withCertificates(List.of(new UpstreamTransport.ClientCertificate("/nonexistent.crt", "/nonexistent.key"))));
        default -> Target.Respond.notFound();
      };
    };
    web = EntryPoint.start("web", new InetSocketAddress("127.0.0.1", 0),
        EntryPointOptions.defaults().withIoThreads(2).withGraceTimeout(Duration.ofSeconds(1)), router);
  }

  private static String https() {
    return "https://127.0.0.1:" + tls.port();
  }

  private static Target proxy(String upstream, UpstreamTransport transport) {
    return new Target.Proxy(URI.create(upstream), true, ExchangeHooks.NONE, transport);
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.stop();
    }
    for (AutoCloseable c : new AutoCloseable[] {h2c, limited, tls, mutual}) {
      if (c != null) {
        c.close();
      }
    }
    if (cert != null) {
      cert.delete();
      otherCa.delete();
      client.delete();
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + web.port() + path;
  }

  @Test
  void h2ClientToH2cUpstream() throws Exception {
    Cli.Result r = Cli.run("curl", "-sS", "--max-time", "30", "--http2-prior-knowledge",
        "-w", "\n%{http_version}", url("/h2c/hello?x=1"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("HTTP/2.0 GET /h2c/hello?x=1 body=0\n")
        .contains("host: 127.0.0.1:" + web.port() + "\n")
        .contains("x-forwarded-proto: http\n")
        .endsWith("\n2");
  }

  @Test
  void http11ClientToH2cUpstreamHasItsHeadersTranslated() throws Exception {
    Cli.Result r = Cli.run("curl", "-sS", "--max-time", "30", "--http1.1", "-H", "Connection: keep-alive, X-Drop",
        "-H", "X-Drop: 1", "-H", "Keep-Alive: timeout=5", "--data-binary", "abc", "-D", "/dev/stderr",
        url("/h2c/post"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("HTTP/2.0 POST /h2c/post body=3\n")
        .contains("host: 127.0.0.1:" + web.port() + "\n")
        .doesNotContain("x-drop").doesNotContain("keep-alive").doesNotContain("connection:")
        .doesNotContain("transfer-encoding");
    assertThat(r.err()).startsWith("HTTP/1.1 200").containsIgnoringCase("x-backend-protocol: HTTP/2.0")
        .doesNotContain("x-http2-");
  }

  @Test
  void largeResponsesStreamUnderFlowControl() throws Exception {
    for (String version : List.of("--http2-prior-knowledge", "--http1.1")) {
      Cli.Result r = Cli.run("curl", "-sS", "--max-time", "30", version, "-o", "/dev/null",
          "-w", "%{http_code} %{size_download}", url("/h2c/big?n=6000000"));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("200 6000000");
    }
  }

  @Test
  void h2loadRequestsShareMultiplexedConnections() throws Exception {
    int before = h2c.connections.get();
    Cli.Result r = Cli.run("h2load", "-n", "400", "-c", "4", "-m", "10", url("/h2c/hello"));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("400 succeeded, 0 failed");
    // one pooled connection per gateway event loop (2), however many clients and streams
    assertThat(h2c.connections.get() - before).isBetween(0, 2);
  }

  @Test
  void theUpstreamsStreamLimitIsRespectedByOpeningMoreConnections() throws Exception {
    Cli.Result r = Cli.run("h2load", "-n", "200", "-c", "1", "-m", "40", url("/limited/delay"));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("200 succeeded, 0 failed");
    assertThat(limited.maxConcurrent.get()).isBetween(1, 4);
    assertThat(limited.connections.get()).isGreaterThan(1);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void httpsUpstreamWithInsecureSkipVerifyNegotiatesH2() throws Exception {
    HttpResponse<String> r = get("/tls-insecure/a");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("HTTP/2.0 GET /tls-insecure/a");
  }

  @Test
  void httpsUpstreamTrustedThroughRootCAsAndServerName() throws Exception {
    HttpResponse<String> r = get("/tls-ca/b");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("HTTP/2.0 GET /tls-ca/b");
  }

  @Test
  void httpsUpstreamWithAnUntrustedCertificateIs502() throws Exception {
    for (String path : List.of("/tls-wrong-ca/c", "/tls-default/d")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(502);
      assertThat(r.body()).isEqualTo("Bad Gateway");
    }
  }

  @Test
  void httpsUpstreamWithHttp2DisabledSpeaksHttp11() throws Exception {
    HttpResponse<String> r = get("/tls-h1/e");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("HTTP/1.1 GET /tls-h1/e");
  }

  @Test
  void aServerAskingForAClientCertificateGetsTheTransportsCertificates() throws Exception {
    HttpResponse<String> r = get("/mtls/f");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("HTTP/1.1 GET /mtls/f"); // the backend offers no ALPN
    assertThat(get("/mtls-none/g").statusCode()).as("no client certificate: the handshake fails").isEqualTo(502);
    assertThat(get("/mtls-unreadable/h").statusCode())
        .as("certificate files missing fail the transport, even towards a server that would not ask").isEqualTo(502);
    assertThat(get("/mtls/i").statusCode()).as("the gateway still proxies").isEqualTo(200);
  }
}
