package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RevocationList} with CRLs made by the real openssl's CA commands. */
class RevocationListTest {
  @TempDir Path dir;

  /** Revokes {@code certFile} in {@code ca}'s openssl database in {@code d} and writes {@code crl.pem}. */
  static void revoke(Path d, String ca, String certFile) throws Exception {
    if (!Files.exists(d.resolve("index.txt"))) {
      Files.writeString(d.resolve("index.txt"), "");
      Files.writeString(d.resolve("crlnumber"), "01\n");
      Files.writeString(d.resolve("ca.cnf"),
          "[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=2\n");
    }
    if (certFile != null) {
      Openssl.run(d, "ca", "-config", "ca.cnf", "-revoke", certFile, "-keyfile", ca + "-key.pem", "-cert", ca + ".pem");
    }
    Openssl.run(d, "ca", "-config", "ca.cnf", "-gencrl", "-keyfile", ca + "-key.pem", "-cert", ca + ".pem",
        "-out", "crl.pem");
  }

  private void makeCa() throws Exception {
    Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=ca");
    for (String[] c : new String[][] {{"a", "3"}, {"b", "300"}}) {
      Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
          "-keyout", c[0] + "-key.pem", "-out", c[0] + ".pem", "-days", "2", "-subj", "/CN=" + c[0],
          "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-set_serial", c[1]);
    }
  }

  private X509Certificate[] chain(String name) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve(name + ".pem"))) {
      return new X509Certificate[] {(X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)};
    }
  }

  @Test
  void aRevokedSerialIsRefusedAndAChangedListIsReadAgain() throws Exception {
    makeCa();
    revoke(dir, "ca", null); // an empty list first
    Path crl = dir.resolve("crl.pem");
    RevocationList list = new RevocationList(crl.toString(), "--client-crl-file");
    list.check(chain("a"));
    list.check(chain("b"));

    revoke(dir, "ca", "a.pem");
    Files.setLastModifiedTime(crl, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    assertThatThrownBy(() -> list.check(chain("a")))
        .isInstanceOf(CertificateException.class)
        .hasMessage("certificate serial 03 revoked");
    list.check(chain("b"));

    // DER works as PEM does
    Openssl.run(dir, "crl", "-in", "crl.pem", "-outform", "DER", "-out", "crl.der");
    RevocationList der = new RevocationList(dir.resolve("crl.der").toString(), "--peer-crl-file");
    assertThatThrownBy(() -> der.check(chain("a"))).isInstanceOf(CertificateException.class);
    der.check(chain("b"));

    // a list that can no longer be read refuses everyone until it can
    Files.delete(crl);
    assertThatThrownBy(() -> list.check(chain("b")))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("--client-crl-file: cannot read the CRL in");
  }

  @Test
  void aMissingOrMalformedListFailsTheStartWithTheFlag() throws Exception {
    assertThatThrownBy(() -> new RevocationList(dir.resolve("none.pem").toString(), "--client-crl-file"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("flag --client-crl-file: cannot read the CRL in");
    Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");
    assertThatThrownBy(() -> new RevocationList(junk.toString(), "--peer-crl-file"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("flag --peer-crl-file:");
    assertThatThrownBy(() -> new RevocationList(dir.toString(), "--peer-crl-file"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected a CRL file");
  }

  @Test
  void serialsPrintAsEtcdLogsThem() {
    assertThat(RevocationList.goHex(BigInteger.valueOf(3))).isEqualTo("03");
    assertThat(RevocationList.goHex(BigInteger.valueOf(300))).isEqualTo("012c");
    assertThat(RevocationList.goHex(new BigInteger("ff", 16))).isEqualTo("ff");
  }
}
