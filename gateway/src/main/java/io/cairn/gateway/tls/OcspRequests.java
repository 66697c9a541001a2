package io.cairn.gateway.tls;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** OCSP with BouncyCastle: the responder URL from AIA, the request, and the checks of a response. */
final class OcspRequests {
  record Parsed(Instant thisUpdate, Instant nextUpdate) {}

  private OcspRequests() {}

  /** The first OCSP URL in the certificate's authority information access. */
  static Optional<String> responderUrl(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (ext == null) {
      return Optional.empty();
    }
    try {
      AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
          ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets()));
      for (AccessDescription d : aia.getAccessDescriptions()) {
        if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
            && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
          return Optional.of(d.getAccessLocation().getName().toString());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The certificate in {@code chain} that issued the leaf (the next one whose subject is its issuer). */
  static Optional<X509Certificate> issuerIn(List<X509Certificate> chain) {
    X509Certificate leaf = chain.getFirst();
    return chain.stream().skip(1)
        .filter(c -> c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()))
        .findFirst();
  }

  static CertificateID id(X509Certificate leaf, X509Certificate issuer) throws IOException {
    try {
      return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
          new JcaX509CertificateHolder(issuer), leaf.getSerialNumber());
    } catch (OperatorCreationException | OCSPException | java.security.cert.CertificateEncodingException e) {
      throw new IOException("cannot build the OCSP certificate id: " + e.getMessage(), e);
    }
  }

  static byte[] request(X509Certificate leaf, X509Certificate issuer) throws IOException {
    try {
      return new OCSPReqBuilder().addRequest(id(leaf, issuer)).build().getEncoded();
    } catch (OCSPException e) {
      throw new IOException("cannot build the OCSP request: " + e.getMessage(), e);
    }
  }

  /** Checks that {@code der} is a successful response about {@code leaf}; its validity window. */
  static Parsed parse(byte[] der, X509Certificate leaf, X509Certificate issuer) throws IOException {
    OCSPResp resp = new OCSPResp(der);
    if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
      throw new IOException("responder status " + resp.getStatus() + " (0 is successful)");
    }
    try {
      BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
      CertificateID want = id(leaf, issuer);
      for (SingleResp s : basic.getResponses()) {
        if (s.getCertID().equals(want)) {
          return new Parsed(s.getThisUpdate().toInstant(),
              s.getNextUpdate() == null ? null : s.getNextUpdate().toInstant());
        }
      }
    } catch (OCSPException | ClassCastException e) {
      throw new IOException("unreadable OCSP response: " + e.getMessage(), e);
    }
    throw new IOException("the OCSP response is not about this certificate");
  }
}
