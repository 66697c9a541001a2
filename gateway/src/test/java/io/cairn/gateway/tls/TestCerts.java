package io.cairn.gateway.tls;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test certificates: a CA (from {@link InternalCa}) signing leaves with several SANs, as PEM files. */
final class TestCerts {
  private TestCerts() {}

  /** A leaf for {@code names} (DNS names or IPs) signed by {@code ca}, CN = {@code cn}. */
  static CertifiedKey leaf(CertifiedKey ca, String cn, List<String> names, String ocspUrl) throws Exception {
    KeyPair kp = Issuer.newKeyPair();
    GeneralName[] sans = names.stream()
        .map(n -> new GeneralName(Issuer.isIpLiteral(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
        .toArray(GeneralName[]::new);
    Instant now = Instant.now();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.leaf().getSubjectX500Principal(),
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(30))), new X500Principal("CN=" + cn), kp.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
    if (ocspUrl != null) {
      b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
          AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
    }
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
    return new CertifiedKey(kp.getPrivate(), List.of(cert));
  }

  /** Writes {@code key} as {@code NAME.crt} and {@code NAME.key} in {@code dir}; returns the two paths. */
  static Path[] write(Path dir, String name, CertifiedKey key) throws Exception {
    Path crt = dir.resolve(name + ".crt");
    Path k = dir.resolve(name + ".key");
    Files.writeString(crt, Pem.encode(key.chain().toArray()));
    Files.writeString(k, Pem.encode(key.key()));
    return new Path[] {crt, k};
  }
}
