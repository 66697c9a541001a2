package io.cairn.gateway.acme;

import io.cairn.gateway.tls.CertifiedKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS-ALPN-01 validation certificates (RFC 8737 section 3): self-signed, an EC P-256 key, the
 * domain as the only SAN, and the critical {@code acmeIdentifier} extension holding SHA-256 of the
 * key authorization. Decision: built here rather than with acme4j's {@code
 * CertificateUtils.createTlsAlpn01Certificate}, which signs with SHA256withRSA only and so needs an
 * RSA key generated per challenge.
 */
final class ValidationCertificates {
  private static final ASN1ObjectIdentifier ACME_IDENTIFIER =
      new ASN1ObjectIdentifier(TlsAlpnChallenges.ACME_IDENTIFIER_OID);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ValidationCertificates() {}

  /**
   * @param domain the DNS name being validated
   * @param acmeValidation SHA-256 of the key authorization (32 bytes)
   */
  static CertifiedKey create(String domain, byte[] acmeValidation) throws IOException {
    if (acmeValidation.length != 32) {
      throw new IllegalArgumentException(
          "acmeValidation has " + acmeValidation.length + " bytes; expected a 32-byte SHA-256");
    }
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair key = generator.generateKeyPair();
      Instant now = Instant.now();
      var name = new X500Name("CN=acme.invalid");
      var builder =
          new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(7))),
              name, key.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
      builder.addExtension(ACME_IDENTIFIER, true, new DEROctetString(acmeValidation));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
      var cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return new CertifiedKey(key.getPrivate(), List.of(cert));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot build the TLS-ALPN-01 certificate for " + domain, e);
    }
  }
}
