package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway (entry points web and websecure, web redirecting to websecure) with file
 * certificates from a "file CA" for a.test and *.b.test and the internal CA for everything else,
 * against the real curl and openssl.
 */
class TlsEndToEndTest {
  @TempDir static Path dir;

  private static HttpServer backend;
  private static GatewayServer gateway;
  private static int web;
  private static int websecure;
  private static Path fileCaPem;
  private static Path internalRootPem;

  @BeforeAll
  static void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", ex -> {
      byte[] body = ("backend " + ex.getRequestMethod() + " " + ex.getRequestURI()
          + " proto=" + ex.getRequestHeaders().getFirst("X-Forwarded-Proto")).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    backend.start();

    InternalCa fileCa = new InternalCa(dir.resolve("fileca"));
    fileCaPem = fileCa.rootCertificatePath();
    fileCa.root();
    Path[] a = TestCerts.write(dir, "a", TestCerts.leaf(fileCa.root(), "a.test", List.of("a.test"), null));
    Path[] b = TestCerts.write(dir, "b", TestCerts.leaf(fileCa.root(), "wild-b", List.of("*.b.test"), null));
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            secure:
              rule: "PathPrefix(`/`)"
              service: backend
              tls: {}
            plain:
              rule: "Host(`plain.test`)"
              service: backend
          services:
            backend:
              loadBalancer:
                servers:
                  - url: http://127.0.0.1:%d
        tls:
          certificates:
            - certFile: %s
              keyFile: %s
            - certFile: %s
              keyFile: %s
        """.formatted(backend.getAddress().getPort(), a[0], a[1], b[0], b[1]));
    StaticConfig config = StaticConfig.fromArgs(List.of(
        "--entryPoints.web.address=127.0.0.1:0",
        "--entryPoints.websecure.address=127.0.0.1:0",
        "--entryPoints.web.http.redirections.entryPoint.to=websecure",
        "--providers.file.filename=" + dynamic));
    gateway = new GatewayServer(config, dir.resolve("pki"));
    gateway.start();
    for (Endpoint e : gateway.endpoints()) {
      int port = URI.create(e.url()).getPort();
      if (e.serves().endsWith(" websecure")) {
        websecure = port;
      } else {
        web = port;
      }
    }
    internalRootPem = gateway.tls().orElseThrow().internalCa().rootCertificatePath();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.stop();
    }
    if (backend != null) {
      backend.stop(0);
    }
  }

  private static Cli.Result get(String host, Path ca, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--resolve", host + ":" + websecure + ":127.0.0.1",
        "--cacert", ca.toString()));
    args.addAll(List.of(extra));
    args.add("https://" + host + ":" + websecure + "/hi");
    return Cli.curl(args.toArray(String[]::new));
  }

  @Test
  void fileCertificatesArePickedBySniAndVerifyWithTheirCaOverHttp2() throws Exception {
    Cli.Result a = get("a.test", fileCaPem, "-v", "--http2", "-w", " %{http_version}");
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo("backend GET /hi proto=https 2");
    assertThat(a.err()).contains("subject: CN=a.test");

    Cli.Result b = get("x.b.test", fileCaPem, "-v", "--http1.1", "-w", " %{http_version}");
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).isEqualTo("backend GET /hi proto=https 1.1");
    assertThat(b.err()).contains("subject: CN=wild-b");

    Cli.Result s = Cli.sClient(websecure, "-servername", "y.b.test");
    assertThat(s.out()).contains("subject=CN = wild-b");
    Cli.Result deep = Cli.sClient(websecure, "-servername", "z.y.b.test");
    assertThat(deep.out()).contains("subject=CN = z.y.b.test").contains("CN = cairn Local Authority");
  }

  @Test
  void unknownNamesGetInternalCaLeavesTrustedOnlyWithTheInternalRoot() throws Exception {
    Cli.Result ok = get("unknown.test", internalRootPem, "-v");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).isEqualTo("backend GET /hi proto=https");
    assertThat(ok.err()).contains("subject: CN=unknown.test");

    Cli.Result wrongCa = get("unknown.test", fileCaPem);
    assertThat(wrongCa.exit()).as(wrongCa.err()).isEqualTo(60);
    Cli.Result noCa = Cli.curl("--resolve", "unknown.test:" + websecure + ":127.0.0.1",
        "https://unknown.test:" + websecure + "/hi");
    assertThat(noCa.exit()).as(noCa.err()).isEqualTo(60);

    Cli.Result ip = Cli.curl("--cacert", internalRootPem.toString(), "https://127.0.0.1:" + websecure + "/ip");
    assertThat(ip.exit()).as(ip.err()).isZero();
    assertThat(ip.out()).isEqualTo("backend GET /ip proto=https");
    assertThat(gateway.tls().orElseThrow().certificates()).extracting(CertInfo::cn)
        .contains("a.test", "wild-b", "unknown.test", "127.0.0.1");
  }

  @Test
  void routersWithTlsTakeOnlyTlsAndOthersOnlyCleartext() throws Exception {
    Cli.Result plainOverTls = get("plain.test", internalRootPem);
    assertThat(plainOverTls.out()).isEqualTo("backend GET /hi proto=https"); // the tls router's PathPrefix(/)
    Cli.Result plain = Cli.curl("http://127.0.0.1:" + websecure + "/x", "-H", "Host: plain.test");
    assertThat(plain.out()).isEqualTo("backend GET /x proto=http");
    Cli.Result other = Cli.curl("-w", "%{http_code}", "http://127.0.0.1:" + websecure + "/x", "-H", "Host: other.test");
    assertThat(other.out()).isEqualTo("404 page not found\n404");
  }

  @Test
  void webRedirectsToWebsecureWithTraefikStatuses() throws Exception {
    Cli.Result get = Cli.curl("-D", "-", "-o", "/dev/null", "http://a.test:" + web + "/p?q=1",
        "--resolve", "a.test:" + web + ":127.0.0.1");
    assertThat(get.out()).startsWith("HTTP/1.1 301 ")
        .contains("Location: https://a.test:" + websecure + "/p?q=1");
    Cli.Result post = Cli.curl("-D", "-", "-o", "/dev/null", "-X", "POST", "-d", "x", "http://a.test:" + web + "/p",
        "--resolve", "a.test:" + web + ":127.0.0.1");
    assertThat(post.out()).startsWith("HTTP/1.1 308 ");
    Cli.Result follow = Cli.curl("-L", "--cacert", fileCaPem.toString(), "--resolve", "a.test:" + web + ":127.0.0.1",
        "--resolve", "a.test:" + websecure + ":127.0.0.1", "http://a.test:" + web + "/followed");
    assertThat(follow.exit()).as(follow.err()).isZero();
    assertThat(follow.out()).isEqualTo("backend GET /followed proto=https");
  }

  @Test
  void sessionsAreResumed() throws Exception {
    String request = "GET /hi HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n";
    for (String version : List.of("-tls1_2", "-tls1_3")) {
      Path session = dir.resolve("session" + version);
      Cli.Result first = Cli.run(request, "openssl", "s_client", "-connect", "127.0.0.1:" + websecure,
          "-servername", "a.test", version, "-ign_eof", "-sess_out", session.toString());
      assertThat(first.out()).as(version).contains("New, TLSv1.").contains("backend GET /hi");
      Cli.Result second = Cli.run(request, "openssl", "s_client", "-connect", "127.0.0.1:" + websecure,
          "-servername", "a.test", version, "-ign_eof", "-sess_in", session.toString());
      assertThat(second.out()).as(version + "\n" + second.err()).contains("Reused, TLSv1.")
          .contains("backend GET /hi");
    }
  }
}
