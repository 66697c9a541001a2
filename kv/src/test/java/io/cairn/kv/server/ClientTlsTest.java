package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client TLS flags: their cross-checks, and reading the PEM files the ways etcd users write them. */
class ClientTlsTest {
  private static final List<ConfigKey<?>> KEYS = Stream.of(CommonKeys.ALL, KvKeys.ALL).flatMap(List::stream).toList();

  @TempDir Path dir;

  private static KvSettings settings(Map<String, String> flags) {
    Map<ConfigKey<?>, String> given = new HashMap<>();
    for (ConfigKey<?> k : KEYS) {
      if (flags.containsKey(k.flag())) {
        given.put(k, flags.get(k.flag()));
      }
    }
    return KvSettings.from(new ConfigLoader(KEYS).load(Optional.empty(), given));
  }

  @Test
  void anHttpsClientUrlNeedsACertificateAndKeyWithEtcdsMessage() {
    assertThatThrownBy(() -> settings(Map.of("--listen-client-urls", "https://127.0.0.1:2379")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("flag --listen-client-urls: TLS key/cert (--cert-file, --key-file) must be provided for client"
            + " url https://127.0.0.1:2379 with HTTPS scheme");
  }

  @Test
  void aCertificateWithoutItsKeyIsRefused() {
    assertThatThrownBy(() -> settings(Map.of("--cert-file", "server.pem")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected --cert-file and --key-file together");
  }

  @Test
  void peerUrlsAreAllCleartextOrAllTlsAndTlsNeedsThePeerCertificate() {
    assertThatThrownBy(() -> settings(Map.of("--listen-peer-urls", "https://127.0.0.1:2380")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected every peer URL (--listen-peer-urls, --initial-advertise-peer-urls,"
            + " --initial-cluster) to be http:// or every one https://");
    String peer = "https://127.0.0.1:2380";
    Map<String, String> https = Map.of(
        "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", "default=" + peer);
    assertThatThrownBy(() -> settings(https))
        .isInstanceOf(ConfigException.class)
        .hasMessage("flag --listen-peer-urls: TLS key/cert (--peer-cert-file, --peer-key-file) must be provided for"
            + " peer url https://127.0.0.1:2380 with HTTPS scheme");
    Map<String, String> withFiles = new HashMap<>(https);
    withFiles.put("--peer-cert-file", "peer.pem");
    withFiles.put("--peer-key-file", "peer-key.pem");
    assertThat(settings(withFiles).peerTls()).isEqualTo(new PeerTlsFiles("peer.pem", "peer-key.pem", "", false));
    assertThat(settings(Map.of()).peerTls()).isNull();
  }

  @Test
  void aTrustedCaAloneRequiresClientCertificatesAsEtcdDoes() {
    assertThat(new ClientTls("c", "k", "", false).requiresClientCertificates()).isFalse();
    assertThat(new ClientTls("c", "k", "ca.pem", false).requiresClientCertificates()).isTrue();
    assertThat(new ClientTls("c", "k", "", true).requiresClientCertificates()).isTrue();
  }

  @Test
  void aMissingFileIsNamedByItsFlag() {
    ClientTls tls = new ClientTls(dir.resolve("nope.pem").toString(), dir.resolve("nope-key.pem").toString(), "", false);
    assertThatThrownBy(tls::serverContext)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("flag --cert-file: expected a readable PEM file, got '" + dir.resolve("nope.pem") + "'");
  }

  @Test
  void aKeyThatIsNoKeyIsRefusedWithBothFileNames() throws Exception {
    makeCertificate("rsa");
    Files.writeString(dir.resolve("bad-key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    ClientTls tls = new ClientTls(dir.resolve("cert.pem").toString(), dir.resolve("bad-key.pem").toString(), "", false);
    assertThatThrownBy(tls::serverContext)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("flag --key-file: cannot read")
        .hasMessageContaining("bad-key.pem");
  }

  @Test
  void pkcs1RsaSec1EcAndPkcs8KeysAreRead() throws Exception {
    for (String kind : List.of("rsa", "ec", "pkcs8")) {
      makeCertificate(kind);
      Path ca = dir.resolve("cert.pem");
      ClientTls tls = new ClientTls(ca.toString(), dir.resolve("key.pem").toString(), ca.toString(), true);
      assertThat(tls.serverContext().isServer()).as(kind).isTrue();
    }
  }

  /** A self-signed certificate in cert.pem with its key in key.pem: PKCS#1 (rsa), SEC1 (ec) or PKCS#8. */
  private void makeCertificate(String kind) throws Exception {
    switch (kind) {
      case "rsa" -> Openssl.run(dir, "genrsa", "-traditional", "-out", "key.pem", "2048");
      case "ec" -> Openssl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "key.pem");
      default -> Openssl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
    }
    String first = Files.readAllLines(dir.resolve("key.pem")).getFirst();
    assertThat(first).as(kind).isEqualTo(switch (kind) {
      case "rsa" -> "-----BEGIN RSA PRIVATE KEY-----";
      case "ec" -> "-----BEGIN EC PRIVATE KEY-----";
      default -> "-----BEGIN PRIVATE KEY-----";
    });
    Openssl.run(dir, "req", "-new", "-x509", "-key", "key.pem", "-out", "cert.pem", "-days", "1", "-subj", "/CN=localhost");
  }
}
