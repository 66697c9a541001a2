package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.TlsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCertificatesTest {
  @TempDir Path dir;

  private CertifiedKey ca() {
    return new InternalCa(dir.resolve("ca")).root();
  }

  @Test
  void namesMatchExactlyThenByWildcardOneLabelDeepIgnoringCase() throws Exception {
    CertifiedKey ca = ca();
    CertifiedKey a = TestCerts.leaf(ca, "a", List.of("a.example.com", "Other.Example.com"), null);
    CertifiedKey w = TestCerts.leaf(ca, "w", List.of("*.example.com"), null);
    Path[] af = TestCerts.write(dir, "a", a);
    Path[] wf = TestCerts.write(dir, "w", w);
    FileCertificates certs = FileCertificates.load(new TlsConfig(List.of(
        new TlsConfig.Certificate(af[0].toString(), af[1].toString(), List.of()),
        new TlsConfig.Certificate(wf[0].toString(), wf[1].toString(), List.of())), Map.of(), Map.of()));

    assertThat(certs.warnings()).isEmpty();
    assertThat(certs.certificateFor("a.example.com").map(CertifiedKey::leaf)).contains(a.leaf());
    assertThat(certs.certificateFor("other.example.com").map(CertifiedKey::leaf)).contains(a.leaf());
    assertThat(certs.certificateFor("b.example.com").map(CertifiedKey::leaf)).contains(w.leaf());
    assertThat(certs.certificateFor("x.b.example.com")).isEmpty();
    assertThat(certs.certificateFor("example.com")).isEmpty();
    assertThat(certs.certificateFor("")).isEmpty();
    assertThat(certs.infos()).extracting(CertInfo::cn).containsExactly("a", "w");
    assertThat(certs.infos().get(0).sans()).containsExactly("a.example.com", "other.example.com");
    assertThat(certs.infos().get(0).notAfter()).isEqualTo(a.notAfter());
  }

  @Test
  void inlinePemAndTheDefaultStoreCertificate() throws Exception {
    CertifiedKey ca = ca();
    CertifiedKey a = TestCerts.leaf(ca, "inline", List.of("inline.test"), null);
    CertifiedKey d = TestCerts.leaf(ca, "fallback", List.of("fallback.test"), null);
    TlsConfig.Certificate def = new TlsConfig.Certificate(Pem.encode(d.leaf()), Pem.encode(d.key()), List.of());
    FileCertificates certs = FileCertificates.load(new TlsConfig(
        List.of(new TlsConfig.Certificate(Pem.encode(a.leaf()), Pem.encode(a.key()), List.of())), Map.of(),
        Map.of("default", new TlsConfig.Store(Optional.of(def), Optional.empty()))));

    assertThat(certs.certificateFor("inline.test").map(CertifiedKey::leaf)).contains(a.leaf());
    assertThat(certs.defaultCertificate().map(CertifiedKey::leaf)).contains(d.leaf());
    assertThat(certs.keys()).extracting(CertifiedKey::leaf).containsExactly(a.leaf(), d.leaf());
    assertThat(certs.infos()).extracting(CertInfo::origin).containsExactly("file", "default");
  }

  @Test
  void unreadableOrMismatchedCertificatesAreLeftOutWithAWarning() throws Exception {
    CertifiedKey ca = ca();
    CertifiedKey a = TestCerts.leaf(ca, "a", List.of("a.test"), null);
    CertifiedKey b = TestCerts.leaf(ca, "b", List.of("b.test"), null);
    CertifiedKey c = TestCerts.leaf(ca, "c", List.of("c.test"), null);
    Path[] cf = TestCerts.write(dir, "c", c);
    FileCertificates certs = FileCertificates.load(new TlsConfig(List.of(
        new TlsConfig.Certificate(dir.resolve("missing.crt").toString(), dir.resolve("missing.key").toString(), List.of()),
        new TlsConfig.Certificate(Pem.encode(a.leaf()), Pem.encode(b.key()), List.of()),
        new TlsConfig.Certificate(cf[0].toString(), cf[1].toString(), List.of())), Map.of(), Map.of()));

    assertThat(certs.warnings()).hasSize(2);
    assertThat(certs.warnings().get(0)).startsWith("tls.certificates[0]: cannot load certificate ")
        .contains("missing.crt");
    assertThat(certs.warnings().get(1)).isEqualTo(
        "tls.certificates[1]: the private key does not belong to the certificate; left out");
    assertThat(certs.certificateFor("a.test")).isEmpty();
    assertThat(certs.certificateFor("c.test").map(CertifiedKey::leaf)).contains(c.leaf());
  }

  @Test
  void wildcardHelpers() {
    assertThat(Names.wildcardFor("a.b.c")).isEqualTo("*.b.c");
    assertThat(Names.wildcardFor("localhost")).isEmpty();
    assertThat(Names.matches("*.Example.COM", "WWW.example.com")).isTrue();
    assertThat(Names.matches("*.example.com", "a.www.example.com")).isFalse();
    assertThat(Names.normalize("Example.COM.")).isEqualTo("example.com");
  }
}
