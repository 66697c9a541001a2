package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AllowedName} on certificates made by the real openssl. */
class AllowedNameTest {
  @TempDir Path dir;

  private X509Certificate cert(String cn, String sans) throws Exception {
    String name = "c" + Math.abs((cn + sans).hashCode());
    if (sans.isEmpty()) {
      Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
          "-keyout", name + "-key.pem", "-out", name + ".pem", "-days", "1", "-subj", "/O=cairn/CN=" + cn);
    } else {
      Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
          "-keyout", name + "-key.pem", "-out", name + ".pem", "-days", "1", "-subj", "/O=cairn/CN=" + cn,
          "-addext", "subjectAltName=" + sans);
    }
    try (InputStream in = Files.newInputStream(dir.resolve(name + ".pem"))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void theCommonNameMustMatchExactly() throws Exception {
    X509Certificate node = cert("node-1", "DNS:node-1.example");
    assertThat(AllowedName.of("node-1", "").allows(node)).isTrue();
    assertThat(AllowedName.of("node", "").allows(node)).isFalse();
    assertThat(AllowedName.of("Node-1", "").allows(node)).isFalse();
    assertThatThrownBy(() -> AllowedName.of("node", "").check(new X509Certificate[] {node}))
        .isInstanceOf(CertificateException.class)
        .hasMessage("client certificate authentication failed");
  }

  @Test
  void theHostnameIsCheckedAgainstTheSubjectAlternativeNamesAsGoDoes() throws Exception {
    X509Certificate c = cert("ignored.example", "DNS:a.example,DNS:*.wild.example,IP:127.0.0.1,IP:::1");
    for (String ok : new String[] {"a.example", "A.Example.", "x.wild.example", "127.0.0.1", "::1", "[::1]"}) {
      assertThat(AllowedName.of("", ok).allows(c)).as(ok).isTrue();
    }
    for (String no : new String[] {"b.example", "wild.example", "x.y.wild.example", "127.0.0.2", "ignored.example"}) {
      assertThat(AllowedName.of("", no).allows(c)).as(no).isFalse();
    }
    // no subject alternative names: the CN is not a hostname (Go since 1.15)
    assertThat(AllowedName.of("", "cn-only.example").allows(cert("cn-only.example", ""))).isFalse();
  }

  @Test
  void cnAndHostnameTogetherAreRefusedAsEtcdRefusesThem() {
    assertThat(AllowedName.of("", "")).isNull();
    // etcd 3.4.23: etcdmain: AllowedCN and AllowedHostname are mutually exclusive (cn="x", hostname="y")
    assertThatThrownBy(() -> AllowedName.of("x", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AllowedCN and AllowedHostname are mutually exclusive (cn=\"x\", hostname=\"y\")");
  }
}
