package io.cairn.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.proxy.ProxyOptions;
import io.cairn.gateway.proxy.ReverseProxy;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sockets on 127.0.0.1, a JDK HttpServer upstream, and the real curl and h2load binaries:
 * HTTP/1.1 keep-alive, h2c by prior knowledge and by upgrade, h2 over TLS with ALPN, forwarded
 * headers, 50 MB streamed both ways, 502 and 504.
 */
class EndToEndTest {
  private static final long BIG = 50L * 1024 * 1024;

  private static Backend backend;
  private static EntryPoint web;
  private static EntryPoint websecure;
  private static SelfSignedCertificate cert;

  @BeforeAll
  static void start() throws Exception {
    backend = new Backend();
    RequestRouter router = StaticRouter.to("127.0.0.1:" + backend.port());
    EntryPointOptions options = EntryPointOptions.defaults().withIoThreads(2)
        .withGraceTimeout(Duration.ofSeconds(2));
    web = EntryPoint.start("web", new InetSocketAddress("127.0.0.1", 0), options, router);
    cert = new SelfSignedCertificate("localhost");
    websecure = EntryPoint.start("websecure", new InetSocketAddress("127.0.0.1", 0),
        options.withTls(new EntryPointOptions.TlsFiles(
            cert.certificate().toPath(), cert.privateKey().toPath())), router);
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.stop();
    }
    if (websecure != null) {
      websecure.stop();
    }
    if (backend != null) {
      backend.close();
    }
    if (cert != null) {
      cert.delete();
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + web.port() + path;
  }

  @Test
  void http11KeepAliveReusesTheConnection() throws Exception {
    Tools.Result r = Tools.curl("-v", "--http1.1", url("/hello"), url("/hello"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("hellohello");
    assertThat(r.err()).contains("Re-using existing connection");
  }

  @Test
  void h2cWithPriorKnowledge() throws Exception {
    Tools.Result r = Tools.curl("--http2-prior-knowledge", "-w", " %{http_version}", url("/hello"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("hello 2");
  }

  @Test
  void h2cByUpgrade() throws Exception {
    Tools.Result r = Tools.curl("--http2", "-w", " %{http_version}", url("/hello"), url("/hello"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("hello 2hello 2");
  }

  @Test
  void h2OverTlsWithAlpnAndHttp11Fallback() throws Exception {
    String https = "https://127.0.0.1:" + websecure.port() + "/hello";
    Tools.Result h2 = Tools.curl("-k", "--http2", "-w", " %{http_version}", https);
    assertThat(h2.exit()).as(h2.err()).isZero();
    assertThat(h2.out()).isEqualTo("hello 2");
    Tools.Result h1 = Tools.curl("-k", "--http1.1", "-w", " %{http_version}", https);
    assertThat(h1.exit()).as(h1.err()).isZero();
    assertThat(h1.out()).isEqualTo("hello 1.1");
  }

  @Test
  void forwardedHeadersAreSetAndHopByHopHeadersRemoved() throws Exception {
    Tools.Result r = Tools.curl("-H", "Connection: X-Drop", "-H", "X-Drop: secret",
        "-H", "X-Forwarded-For: 6.6.6.6", "-H", "X_Forwarded_Host: evil", "-H", "Proxy: evil",
        url("/headers"));
    assertThat(r.exit()).as(r.err()).isZero();
    String port = String.valueOf(web.port());
    assertThat(r.out())
        .contains("host: 127.0.0.1:" + port + "\n")
        .contains("x-forwarded-for: 127.0.0.1\n")
        .contains("x-forwarded-host: 127.0.0.1:" + port + "\n")
        .contains("x-forwarded-port: " + port + "\n")
        .contains("x-forwarded-proto: http\n")
        .contains("x-real-ip: 127.0.0.1\n")
        .contains("x-forwarded-server: ")
        .doesNotContain("x-drop").doesNotContain("6.6.6.6").doesNotContain("evil");
    Tools.Result tls = Tools.curl("-k", "--http2", "https://127.0.0.1:" + websecure.port()
        + "/headers");
    assertThat(tls.out()).contains("x-forwarded-proto: https\n")
        .contains("host: 127.0.0.1:" + websecure.port() + "\n");
  }

  @Test
  void fiftyMegabytesStreamUpAndDown(@TempDir Path dir) throws Exception {
    Path up = dir.resolve("up.bin");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(up)) {
      for (long off = 0; off < BIG; off += buf.length) {
        Backend.pattern(off + 7, buf, buf.length);
        sha.update(buf);
        out.write(buf);
      }
    }
    String expectedUp = HexFormat.of().formatHex(sha.digest()) + " " + BIG;
    Tools.Result h1 = Tools.curl("--http1.1", "--data-binary", "@" + up, url("/upload"));
    assertThat(h1.out()).as(h1.err()).isEqualTo(expectedUp);
    Tools.Result h2 = Tools.curl("--http2-prior-knowledge", "--data-binary", "@" + up,
        url("/upload"));
    assertThat(h2.out()).as(h2.err()).isEqualTo(expectedUp);

    Path down = dir.resolve("down.bin");
    Tools.Result d = Tools.curl("-o", down.toString(), url("/download?n=" + BIG));
    assertThat(d.exit()).as(d.err()).isZero();
    MessageDigest want = MessageDigest.getInstance("SHA-256");
    for (long off = 0; off < BIG; off += buf.length) {
      Backend.pattern(off, buf, buf.length);
      want.update(buf);
    }
    assertThat(Files.size(down)).isEqualTo(BIG);
    MessageDigest got = MessageDigest.getInstance("SHA-256");
    got.update(Files.readAllBytes(down));
    assertThat(got.digest()).isEqualTo(want.digest());
  }

  @Test
  void badGatewayWhenTheUpstreamIsDown() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (EntryPoint ep = EntryPoint.start("dead", new InetSocketAddress("127.0.0.1", 0),
        EntryPointOptions.defaults().withIoThreads(1), StaticRouter.to("127.0.0.1:" + closedPort))) {
      String u = "http://127.0.0.1:" + ep.port() + "/";
      Tools.Result r = Tools.curl("-w", " %{http_code}", u);
      assertThat(r.out()).isEqualTo("Bad Gateway 502");
      Tools.Result h2 = Tools.curl("--http2-prior-knowledge", "-w", " %{http_code}", u);
      assertThat(h2.out()).isEqualTo("Bad Gateway 502");
    }
  }

  @Test
  void gatewayTimeoutWhenTheUpstreamIsSlow() throws Exception {
    ReverseProxy proxy = new ReverseProxy(
        ProxyOptions.defaults().withResponseHeaderTimeout(Duration.ofMillis(300)));
    try (EntryPoint ep = EntryPoint.start("slow", new InetSocketAddress("127.0.0.1", 0),
        EntryPointOptions.defaults().withIoThreads(1),
        StaticRouter.to("127.0.0.1:" + backend.port()), proxy)) {
      Tools.Result r = Tools.curl("-w", " %{http_code}",
          "http://127.0.0.1:" + ep.port() + "/slow");
      assertThat(r.out()).isEqualTo("Gateway Timeout 504");
    }
  }

  @Test
  void h2loadSeesNoFailedRequests() throws Exception {
    Tools.Result r = Tools.run(60, "h2load", "-n", "2000", "-c", "4", "-m", "10", url("/hello"));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    Matcher m = Pattern.compile("requests: (\\d+) total, (\\d+) started, (\\d+) done, "
        + "(\\d+) succeeded, (\\d+) failed, (\\d+) errored").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    assertThat(m.group(4)).isEqualTo("2000");
    assertThat(m.group(5)).isEqualTo("0");
    assertThat(m.group(6)).isEqualTo("0");
  }
}
