package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code default} TLS options applied by a real gateway: {@code sniStrict}, {@code minVersion:
 * VersionTLS13}, {@code clientAuth: RequireAndVerifyClientCert}, and the entry point's {@code
 * http.tls} making its routers TLS routers; checked with curl.
 */
class TlsOptionsEndToEndTest {
  @TempDir static Path dir;

  private static HttpServer backend;
  private static GatewayServer gateway;
  private static int port;
  private static Path caPem;
  private static Path[] client;
  private static Path[] stranger;

  @BeforeAll
  static void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", ex -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    backend.start();
    InternalCa ca = new InternalCa(dir.resolve("ca"));
    ca.root();
    caPem = ca.rootCertificatePath();
    Path[] server = TestCerts.write(dir, "server", TestCerts.leaf(ca.root(), "strict.test", List.of("strict.test"), null));
    client = TestCerts.write(dir, "client", TestCerts.leaf(ca.root(), "client", List.of("client.test"), null));
    InternalCa other = new InternalCa(dir.resolve("other"));
    stranger = TestCerts.write(dir, "stranger", TestCerts.leaf(other.root(), "stranger", List.of("client.test"), null));
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
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
          options:
            default:
              minVersion: VersionTLS13
              sniStrict: true
              clientAuth:
                caFiles: [%s]
                clientAuthType: RequireAndVerifyClientCert
        """.formatted(backend.getAddress().getPort(), server[0], server[1], caPem));
    gateway = new GatewayServer(StaticConfig.fromArgs(List.of(
        "--entryPoints.websecure.address=127.0.0.1:0",
        "--entryPoints.websecure.http.tls=true",
        "--providers.file.filename=" + dynamic)), dir.resolve("pki"));
    gateway.start();
    port = URI.create(gateway.endpoints().getFirst().url()).getPort();
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

  private static Cli.Result curl(String host, String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--resolve", host + ":" + port + ":127.0.0.1",
        "--cacert", caPem.toString()));
    args.addAll(List.of(extra));
    args.add("https://" + host + ":" + port + "/");
    return Cli.curl(args.toArray(String[]::new));
  }

  @Test
  void aVerifiedClientCertificateOverTls13GetsThrough() throws Exception {
    Cli.Result r = curl("strict.test", "--cert", client[0].toString(), "--key", client[1].toString(),
        "-w", " %{ssl_verify_result}");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("ok 0");
  }

  @Test
  void sniStrictRefusesUnknownNamesInsteadOfIssuing() throws Exception {
    Cli.Result r = curl("unknown.test", "--cert", client[0].toString(), "--key", client[1].toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(35); // TLS handshake failed
    assertThat(gateway.tls().orElseThrow().certificates()).extracting(CertInfo::cn).doesNotContain("unknown.test");
  }

  @Test
  void tls12IsRefusedByMinVersion() throws Exception {
    Cli.Result r = curl("strict.test", "--tls-max", "1.2", "--cert", client[0].toString(), "--key", client[1].toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(35);
  }

  @Test
  void clientCertificatesAreRequiredAndVerified() throws Exception {
    Cli.Result none = curl("strict.test");
    assertThat(none.exit()).as(none.err()).isIn(35, 55, 56); // refused in the handshake (TLS 1.3 reports it on read or write)
    Cli.Result wrong = curl("strict.test", "--cert", stranger[0].toString(), "--key", stranger[1].toString());
    assertThat(wrong.exit()).as(wrong.err()).isIn(35, 55, 56);
  }

  @Test
  void cleartextDoesNotReachRoutersOfATlsEntryPoint() throws Exception {
    Cli.Result r = Cli.curl("-w", "%{http_code}", "http://127.0.0.1:" + port + "/");
    assertThat(r.out()).isEqualTo("404 page not found\n404");
  }
}
