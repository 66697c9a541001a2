package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalCaTest {
  @TempDir Path dir;

  @Test
  void leafChainsToTheRootWithItsNameAndSevenDaysOfLife() throws Exception {
    InternalCa ca = new InternalCa(dir);
    CertifiedKey leaf = ca.issue("app.example.test");
    X509Certificate root = ca.root().leaf();

    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    params.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(leaf.chain()), params);

    assertThat(Names.of(leaf.leaf())).containsExactly("app.example.test");
    assertThat(leaf.leaf().getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(((ECPublicKey) leaf.leaf().getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    Duration life = Duration.between(leaf.leaf().getNotBefore().toInstant(), leaf.notAfter());
    assertThat(life).isBetween(Duration.ofDays(7), Duration.ofDays(7).plusMinutes(10));
    assertThat(leaf.leaf().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(leaf.leaf().getBasicConstraints()).isEqualTo(-1);
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).toDays())
        .isBetween(3649L, 3651L);
    leaf.leaf().checkValidity(new Date());
  }

  @Test
  void ipLiteralsGetIpSans() throws Exception {
    InternalCa ca = new InternalCa(dir);
    List<List<?>> sans = List.copyOf(ca.issue("127.0.0.1").leaf().getSubjectAlternativeNames());
    assertThat(sans).hasSize(1);
    assertThat(List.<Object>copyOf(sans.get(0))).containsExactly(7, "127.0.0.1");
    List<List<?>> v6 = List.copyOf(ca.issue("::1").leaf().getSubjectAlternativeNames());
    assertThat(v6.get(0).get(0)).isEqualTo(7);
  }

  @Test
  void rootIsKeptOnDiskAndReusedWithAPrivateKeyFile() throws Exception {
    InternalCa first = new InternalCa(dir);
    X509Certificate root = first.root().leaf();
    assertThat(first.rootCertificatePath()).isEqualTo(dir.toAbsolutePath().resolve("root.crt"));
    assertThat(Files.readString(first.rootCertificatePath())).isEqualTo(first.rootPem());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("root.key"))))
        .isEqualTo("rw-------");

    InternalCa second = new InternalCa(dir);
    assertThat(second.root().leaf()).isEqualTo(root);
    CertifiedKey leaf = second.issue("x.test");
    leaf.leaf().verify(root.getPublicKey());
  }

  @Test
  void leavesAreCachedAndRenewedAfterTwoThirdsOfTheirLife() throws Exception {
    Instant t0 = Instant.now();
    MutableClock clock = new MutableClock(t0);
    InternalCa ca = new InternalCa(dir, clock);
    CertifiedKey a = ca.issue("a.test");
    assertThat(ca.issue("a.test")).isSameAs(a);
    assertThat(ca.certificateFor("a.test")).containsSame(a);
    assertThat(ca.certificateFor("b.test")).isEmpty();

    clock.now = t0.plus(Duration.ofDays(4));
    assertThat(ca.certificateFor("a.test")).containsSame(a);
    clock.now = t0.plus(Duration.ofDays(5));
    assertThat(ca.certificateFor("a.test")).isEmpty();
    CertifiedKey renewed = ca.issue("a.test");
    assertThat(renewed).isNotSameAs(a);
    assertThat(renewed.notAfter()).isAfter(a.notAfter());
    assertThat(ca.infos()).extracting(CertInfo::cn).containsExactly("a.test");
  }

  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
