package io.cairn.gateway.http3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.proxy.ProxyOptions;
import io.cairn.gateway.proxy.ReverseProxy;
import io.cairn.gateway.server.EntryPoint;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/3 through the gateway with Netty's own HTTP/3 client: a TLS entry point (TCP) with HTTP/3
 * beside it on the same UDP port, proxying to an HTTP/1.1 backend.
 */
class Http3EndToEndTest {
  static final int MAX_HEADER_BYTES = 16 * 1024;
  static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private static EchoBackend backend;
  private static SelfSignedCertificate cert;
  private static EntryPoint tcp;
  private static Http3EntryPoint h3;

  static RequestRouter router(int backendPort) {
    URI upstream = URI.create("http://127.0.0.1:" + backendPort);
    return head -> head.path().equals("/hello") || head.path().equals("/echo")
        || head.path().equals("/proto") ? Target.Proxy.to(upstream) : Target.Respond.notFound();
  }

  static EntryPointOptions options(SelfSignedCertificate cert) {
    return EntryPointOptions.defaults()
        .withMaxHeaderBytes(MAX_HEADER_BYTES)
        .withMaxBodyBytes(MAX_BODY_BYTES)
        .withTls(new EntryPointOptions.TlsFiles(cert.certificate().toPath(), cert.privateKey().toPath()));
  }

  @BeforeAll
  static void start() throws Exception {
    backend = new EchoBackend();
    cert = new SelfSignedCertificate("localhost");
    EntryPointOptions options = options(cert);
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
    RequestRouter router = router(backend.port());
    tcp = EntryPoint.start("websecure", address, options, router);
    h3 = Http3EntryPoint.beside(tcp, address, options, QuicTls.fromFiles(options.tls()), router,
        new ReverseProxy(ProxyOptions.defaults()), 0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (h3 != null) {
      h3.stop();
    }
    if (tcp != null) {
      tcp.stop();
    }
    if (backend != null) {
      backend.close();
    }
    if (cert != null) {
      cert.delete();
    }
  }

  private static H3Client client() throws Exception {
    return new H3Client(new InetSocketAddress("127.0.0.1", h3.port()));
  }

  @Test
  void listensOnTheTlsEntryPointsPort() {
    assertThat(h3.port()).isEqualTo(tcp.port());
  }

  @Test
  void getIsProxiedToTheHttp1Backend() throws Exception {
    try (H3Client c = client()) {
      H3Client.Response r = c.get("/hello?x=1");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("hello from /hello?x=1");
      H3Client.Response proto = c.get("/proto");
      assertThat(proto.text()).isEqualTo("https 127.0.0.1 localhost");
    }
  }

  @Test
  void fiveMegabytePostIsEchoedBackIntact() throws Exception {
    byte[] body = new byte[5 * 1024 * 1024];
    new Random(42).nextBytes(body);
    try (H3Client c = client()) {
      H3Client.Response r = c.send("POST", "/echo", Map.of(), body).get(60, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).hasSize(body.length);
      assertThat(r.body()).isEqualTo(body);
    }
  }

  @Test
  void fiftyConcurrentStreamsOnOneConnection() throws Exception {
    try (H3Client c = client()) {
      List<CompletableFuture<H3Client.Response>> all = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        all.add(c.send("GET", "/hello?i=" + i, Map.of(), null));
      }
      for (int i = 0; i < 50; i++) {
        H3Client.Response r = all.get(i).get(60, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("hello from /hello?i=" + i);
      }
    }
  }

  @Test
  void unroutedRequestGetsTraefiks404() throws Exception {
    try (H3Client c = client()) {
      H3Client.Response r = c.get("/nowhere");
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.text()).isEqualTo("404 page not found\n");
    }
  }

  @Test
  void headersAboveTheLimitAre431() throws Exception {
    try (H3Client c = client()) {
      H3Client.Response r = c.send("GET", "/hello", Map.of("x-big", "a".repeat(MAX_HEADER_BYTES + 100)),
          null).get(30, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(431);
      assertThat(r.text()).isEqualTo("431 Request Header Fields Too Large");
      assertThat(c.get("/hello").status()).as("the connection still serves").isEqualTo(200);
    }
  }

  @Test
  void headersAboveTheAdvertisedFieldSectionSizeFailTheRequest() throws Exception {
    try (H3Client c = client()) {
      CompletableFuture<H3Client.Response> r = c.send("GET", "/hello",
          Map.of("x-huge", "a".repeat(3 * MAX_HEADER_BYTES)), null);
      assertThatThrownBy(() -> r.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(Exception.class);
    }
    try (H3Client c = client()) {
      assertThat(c.get("/hello").status()).as("the listener still serves").isEqualTo(200);
    }
  }

  @Test
  void bodyAboveTheLimitIs413() throws Exception {
    try (H3Client c = client()) {
      H3Client.Response r = c.send("POST", "/echo", Map.of(), new byte[(int) MAX_BODY_BYTES + 1])
          .get(60, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.text()).isEqualTo("413 Request Entity Too Large");
    }
  }

  @Test
  void http2ResponsesOnTheTlsEntryPointAdvertiseHttp3() throws Exception {
    Curl.Result r = Curl.run("--http2", "-k", "-sS", "-D", "-", "-o", "/dev/null",
        "https://127.0.0.1:" + tcp.port() + "/hello");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("HTTP/2 200");
    assertThat(r.out()).containsIgnoringCase(
        "alt-svc: h3=\":" + h3.port() + "\"; ma=2592000\r\n");
    Curl.Result notFound = Curl.run("--http1.1", "-k", "-sS", "-D", "-", "-o", "/dev/null",
        "https://127.0.0.1:" + tcp.port() + "/nowhere");
    assertThat(notFound.out()).startsWith("HTTP/1.1 404");
    assertThat(notFound.out()).containsIgnoringCase("alt-svc: h3=\":" + h3.port() + "\"");
  }

  @Test
  void http3ResponsesDoNotCarryAltSvc() throws Exception {
    try (H3Client c = client()) {
      assertThat(c.get("/hello").headers().contains("alt-svc")).isFalse();
    }
  }
}
