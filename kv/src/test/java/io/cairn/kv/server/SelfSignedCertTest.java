package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertTest {
  @TempDir Path dir;

  @Test
  void makesACertificateForTheListenHostsAndAKeyThatMatchesIt() throws Exception {
    SelfSignedCert.Pair pair = SelfSignedCert.ensure(dir.resolve("fixtures/client"), List.of("127.0.0.1", "localhost", "[::1]"), 2, "flag --auto-tls");

    X509Certificate cert = PemFiles.certificates(pair.certFile().toString(), "cert").getFirst();
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("O=etcd");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    cert.verify(cert.getPublicKey()); // self-signed
    assertThat(cert.getSubjectAlternativeNames())
        .extracting(san -> san.get(1).toString())
        .containsExactlyInAnyOrder("127.0.0.1", "localhost", "0:0:0:0:0:0:0:1");
    assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"); // server, client auth
    long days = (cert.getNotAfter().getTime() - cert.getNotBefore().getTime()) / 86_400_000L;
    assertThat(days).isEqualTo(730);

    var key = PemFiles.privateKey(pair.keyFile().toString(), "key");
    Signature sign = Signature.getInstance("SHA256withECDSA");
    sign.initSign(PemFiles.jdkKey(key));
    sign.update(new byte[] {1, 2, 3});
    byte[] signature = sign.sign();
    Signature verify = Signature.getInstance("SHA256withECDSA");
    verify.initVerify(cert.getPublicKey());
    verify.update(new byte[] {1, 2, 3});
    assertThat(verify.verify(signature)).as("the key is the certificate's").isTrue();
    assertThat(Files.getPosixFilePermissions(pair.keyFile()))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void keepsTheFilesItFindsAsEtcdDoes() throws Exception {
    Path fixtures = dir.resolve("fixtures/peer");
    SelfSignedCert.Pair first = SelfSignedCert.ensure(fixtures, List.of("127.0.0.1"), 1, "flag --peer-auto-tls");
    byte[] cert = Files.readAllBytes(first.certFile());
    byte[] key = Files.readAllBytes(first.keyFile());
    SelfSignedCert.Pair again = SelfSignedCert.ensure(fixtures, List.of("10.0.0.1"), 1, "flag --peer-auto-tls");
    assertThat(again).isEqualTo(first);
    assertThat(Files.readAllBytes(again.certFile())).isEqualTo(cert);
    assertThat(Files.readAllBytes(again.keyFile())).isEqualTo(key);
  }

  @Test
  void refusesAValidityBelowOneYearAndAnUnwritableDirectory() throws Exception {
    assertThatThrownBy(() -> SelfSignedCert.ensure(dir, List.of(), 0, "flag --auto-tls"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--self-signed-cert-validity");
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> SelfSignedCert.ensure(file.resolve("client"), List.of(), 1, "flag --auto-tls"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("flag --auto-tls: cannot create a self-signed certificate in");
  }

  @Test
  void autoTlsStandsInForMissingFilesOnlyAndDropsClientCertificates() {
    ClientTls auto = new ClientTls("", "", "ca.pem", true, true);
    assertThat(auto.serves()).isTrue();
    ClientTls resolved = auto.resolve(dir.resolve("fixtures/client"), List.of("127.0.0.1"), 1);
    assertThat(resolved.certFile()).endsWith("cert.pem");
    assertThat(resolved.requiresClientCertificates()).as("etcd replaces its whole TLSInfo").isFalse();
    assertThat(resolved.clientCertAuth()).isFalse();
    assertThat(resolved.serverContext()).isNotNull();

    ClientTls given = new ClientTls("c.pem", "k.pem", "", false, true);
    assertThat(given.resolve(dir.resolve("unused"), List.of(), 1)).isEqualTo(new ClientTls("c.pem", "k.pem", "", false));
    assertThat(Files.exists(dir.resolve("unused"))).isFalse();

    PeerTlsFiles peer = new PeerTlsFiles("", "", "", true, true).resolve(dir.resolve("fixtures/peer"), List.of("127.0.0.1"), 1);
    assertThat(peer.auto()).isTrue();
    assertThat(peer.load().trustManager()).isSameAs(TrustAnyPeer.INSTANCE);
    assertThat(peer.load().mutual()).isFalse();
  }
}
