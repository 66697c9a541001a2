package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each target's client port over TLS with client certificates required: the real etcdctl runs
 * {@link TlsScenarios}, and the real curl uses the JSON gateway over https, with and without a
 * client certificate and in cleartext, where etcd's answers are the expectations.
 */
class KvTlsIT {
  private static final TargetPool POOL = new TargetPool();
  private static final ServerOptions TLS = ServerOptions.DEFAULTS.withTls();
  private static final ServerOptions AUTO_TLS = ServerOptions.DEFAULTS.withAutoTls();

  @AfterAll
  static void stopServers() {
    POOL.close();
  }

  static Stream<Arguments> scenarios() {
    return ScenarioCases.perTarget(TlsScenarios.ALL);
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("scenarios")
  void meetsEtcdsExpectations(TargetKind target, Scenario scenario) {
    ScenarioCases.check(POOL, target, scenario);
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource(ScenarioCases.TARGETS)
  void jsonGatewayAnswersOverHttpsToAClientWithACertificate(TargetKind kind) {
    KvTarget target = POOL.shared(kind, TLS);
    Path d = TlsFiles.dir();
    Curl curl = new Curl(target.clientUrl(), List.of(
        "--cacert", d.resolve("ca.pem").toString(),
        "--cert", d.resolve("root.pem").toString(),
        "--key", d.resolve("root-key.pem").toString()));
    // key tls/curl, value "over https"
    CurlResult put = curl.call(HttpCall.post("/v3/kv/put", "{\"key\":\"dGxzL2N1cmw=\",\"value\":\"b3ZlciBodHRwcw==\"}"));
    assertThat(put.status()).as("%s", put).isEqualTo(200);
    assertThat(put.body()).as("%s", put).contains("\"revision\"");
    CurlResult range = curl.call(HttpCall.post("/v3/kv/range", "{\"key\":\"dGxzL2N1cmw=\"}"));
    assertThat(range.status()).as("%s", range).isEqualTo(200);
    assertThat(range.body()).as("%s", range).contains("\"key\":\"dGxzL2N1cmw=\"", "\"value\":\"b3ZlciBodHRwcw==\"");
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource(ScenarioCases.TARGETS)
  void clientWithoutACertificateOrWithoutTlsGetsNoAnswer(TargetKind kind) {
    KvTarget target = POOL.shared(kind, TLS);
    Path ca = TlsFiles.dir().resolve("ca.pem");
    HttpCall range = HttpCall.post("/v3/kv/range", "{\"key\":\"dGxzL2N1cmw=\"}");

    CurlResult noCertificate = new Curl(target.clientUrl(), List.of("--cacert", ca.toString())).call(range);
    // etcd: the handshake fails with a "bad certificate" alert, curl exits 56
    assertThat(noCertificate.exitCode()).as("%s", noCertificate).isNotZero();
    assertThat(noCertificate.status()).as("%s", noCertificate).isZero();

    CurlResult cleartext = new Curl(target.clientUrl().replace("https://", "http://")).call(range);
    // etcd: the connection is closed without an answer, curl exits 52 (empty reply)
    assertThat(cleartext.exitCode()).as("%s", cleartext).isEqualTo(52);
    assertThat(cleartext.status()).as("%s", cleartext).isZero();
  }

  /**
   * {@code --auto-tls} without certificate files: the server makes its own self-signed certificate
   * under its data directory ({@code fixtures/client}), etcdctl and curl work when they skip
   * verification, and a client that verifies refuses the certificate (curl exit 60, as with etcd).
   */
  @ParameterizedTest(name = "[{0}]")
  @MethodSource(ScenarioCases.TARGETS)
  void autoTlsServesAGeneratedCertificateThatClientsDoNotVerify(TargetKind kind) throws IOException {
    KvTarget target = POOL.shared(kind, AUTO_TLS);
    assertThat(target.clientUrl()).startsWith("https://");

    EtcdctlResult put = target.etcdctl().run("put", "auto/tls", "generated");
    assertThat(put.ok()).as("%s", put).isTrue();
    assertThat(put.stdout()).as("%s", put).containsExactly("OK");
    EtcdctlResult get = target.etcdctl().run("get", "auto/tls");
    assertThat(get.stdout()).as("%s", get).containsExactly("auto/tls", "generated");

    // key auto/tls, value "generated"
    HttpCall range = HttpCall.post("/v3/kv/range", "{\"key\":\"YXV0by90bHM=\"}");
    CurlResult unverified = new Curl(target.clientUrl(), List.of("-k")).call(range);
    assertThat(unverified.status()).as("%s", unverified).isEqualTo(200);
    assertThat(unverified.body()).as("%s", unverified).contains("\"value\":\"Z2VuZXJhdGVk\"");
    CurlResult verified = new Curl(target.clientUrl()).call(range);
    assertThat(verified.exitCode()).as("%s", verified).isEqualTo(60);

    try (Stream<Path> files = Files.walk(target.workDir())) {
      assertThat(files.filter(p -> p.endsWith(Path.of("fixtures", "client", "cert.pem"))).toList())
          .as("the generated certificate under %s", target.workDir())
          .hasSize(1);
    }
  }
}
