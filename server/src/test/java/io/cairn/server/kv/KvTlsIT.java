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

  /**
   * TLS as {@link #TLS}, with alice's certificate revoked ({@code --client-crl-file}) and TLS 1.2
   * restricted to one cipher suite ({@code --cipher-suites}).
   */
  private static ServerOptions hardened() {
    return TLS.withFlags("--client-crl-file", TlsFiles.dir().resolve("crl.pem").toString(),
        "--cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
  }

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
   * {@code --client-crl-file}: a client whose certificate the list names gets no answer (etcd
   * completes the handshake and closes the connection, cairn refuses the handshake; etcdctl and curl
   * fail either way), and a client with another certificate of the same CA is served.
   */
  @ParameterizedTest(name = "[{0}]")
  @MethodSource(ScenarioCases.TARGETS)
  void aRevokedClientCertificateIsRefused(TargetKind kind) {
    KvTarget target = POOL.shared(kind, hardened());
    EtcdctlResult put = target.etcdctl().run("put", "crl/key", "root's certificate is not revoked");
    assertThat(put.ok()).as("%s", put).isTrue();
    EtcdctlResult revoked = target.etcdctl().run("--cert=" + TlsFiles.dir().resolve("alice.pem"),
        "--key=" + TlsFiles.dir().resolve("alice-key.pem"), "--dial-timeout=2s", "--command-timeout=3s", "get", "crl/key");
    assertThat(revoked.ok()).as("%s", revoked).isFalse();
    assertThat(revoked.stdout()).as("%s", revoked).isEmpty();

    Path d = TlsFiles.dir();
    HttpCall range = HttpCall.post("/v3/kv/range", "{\"key\":\"Y3JsL2tleQ==\"}");
    CurlResult alice = new Curl(target.clientUrl(), List.of("--cacert", d.resolve("ca.pem").toString(),
        "--cert", d.resolve("alice.pem").toString(), "--key", d.resolve("alice-key.pem").toString())).call(range);
    assertThat(alice.exitCode()).as("%s", alice).isNotZero();
    assertThat(alice.status()).as("%s", alice).isZero();
    CurlResult root = rootCurl(target, List.of()).call(range);
    assertThat(root.status()).as("%s", root).isEqualTo(200);
    assertThat(root.body()).as("%s", root).contains("\"key\":\"Y3JsL2tleQ==\"");
  }

  /**
   * {@code --cipher-suites TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}: over TLS 1.2 a client offering only
   * another suite fails the handshake (curl exit 35, as with etcd), one offering the listed suite is
   * served, and TLS 1.3 is served with its own suites, as Go does.
   */
  @ParameterizedTest(name = "[{0}]")
  @MethodSource(ScenarioCases.TARGETS)
  void cipherSuitesRestrictTls12(TargetKind kind) {
    KvTarget target = POOL.shared(kind, hardened());
    HttpCall range = HttpCall.post("/v3/kv/range", "{\"key\":\"Y3JsL2tleQ==\"}");
    CurlResult other = rootCurl(target, List.of("--tls-max", "1.2", "--ciphers", "ECDHE-RSA-AES256-GCM-SHA384")).call(range);
    assertThat(other.exitCode()).as("%s", other).isEqualTo(35);
    CurlResult listed = rootCurl(target, List.of("--tls-max", "1.2", "--ciphers", "ECDHE-RSA-AES128-GCM-SHA256")).call(range);
    assertThat(listed.status()).as("%s", listed).isEqualTo(200);
    CurlResult tls13 = rootCurl(target, List.of("--tlsv1.3")).call(range);
    assertThat(tls13.status()).as("%s", tls13).isEqualTo(200);
  }

  /**
   * {@code --client-cert-allowed-hostname}: root's client certificate, which names that host in its
   * subject alternative names, is served (etcdctl's default here); alice's and the server's own, from
   * the same CA without that name, get no answer.
   */
  @ParameterizedTest(name = "[{0}]")
  @MethodSource(ScenarioCases.TARGETS)
  void onlyACertificateForTheAllowedHostnameIsServed(TargetKind kind) {
    KvTarget target = POOL.shared(kind, TLS.withFlags("--client-cert-allowed-hostname", TlsFiles.ROOT_HOSTNAME));
    Path d = TlsFiles.dir();
    EtcdctlResult allowed = target.etcdctl().run("put", "allowed/host", "yes");
    assertThat(allowed.ok()).as("%s", allowed).isTrue();
    assertThat(allowed.stdout()).as("%s", allowed).containsExactly("OK");
    for (String other : List.of("alice", "server")) {
      EtcdctlResult refused = target.etcdctl().run("--cert=" + d.resolve(other + ".pem"),
          "--key=" + d.resolve(other + "-key.pem"), "--dial-timeout=2s", "--command-timeout=3s", "get", "allowed/host");
      assertThat(refused.ok()).as("%s", refused).isFalse();
      assertThat(refused.stdout()).as("%s", refused).isEmpty();
    }
  }

  /** curl trusting the CA and showing root's certificate, with {@code extra} options. */
  private static Curl rootCurl(KvTarget target, List<String> extra) {
    Path d = TlsFiles.dir();
    List<String> options = new java.util.ArrayList<>(List.of("--cacert", d.resolve("ca.pem").toString(),
        "--cert", d.resolve("root.pem").toString(), "--key", d.resolve("root-key.pem").toString()));
    options.addAll(extra);
    return new Curl(target.clientUrl(), options);
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
