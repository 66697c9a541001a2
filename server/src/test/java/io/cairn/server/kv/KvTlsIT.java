package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

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
}
