package io.cairn.gateway.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs the internal CA's certificates with BouncyCastle: ECDSA P-256 keys, SHA-256 signatures. */
final class Issuer {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Backdating of notBefore, for clients whose clock is a little behind (Caddy does the same). */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private Issuer() {}

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  static X509Certificate root(KeyPair kp, Instant now, Duration life) throws GeneralSecurityException, IOException {
    X500Principal subject = new X500Principal("CN=cairn Local Authority - "
        + now.atZone(ZoneOffset.UTC).getYear() + " ECC Root, O=cairn");
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
        Date.from(now.minus(BACKDATE)), Date.from(now.plus(life)), subject, kp.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
    return sign(b, kp.getPrivate());
  }

  static X509Certificate leaf(String name, PublicKey key, CertifiedKey ca, Instant now, Duration life)
      throws GeneralSecurityException, IOException {
    boolean ip = isIpLiteral(name);
    GeneralName san = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name);
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    Instant notAfter = now.plus(life);
    if (notAfter.isAfter(ca.notAfter())) {
      notAfter = ca.notAfter();
    }
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.leaf().getSubjectX500Principal(), serial(),
        Date.from(now.minus(BACKDATE)), Date.from(notAfter), new X500Principal("CN=" + escape(name)), key)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san))
        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.leaf()))
        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
    return sign(b, ca.key());
  }

  /** An IPv4 dotted quad or an IPv6 literal (with a colon), as a server name or SNI fallback. */
  static boolean isIpLiteral(String name) {
    return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static String escape(String name) {
    return name.replaceAll("([,+\"\\\\<>;=#])", "\\\\$1");
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, java.security.PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
