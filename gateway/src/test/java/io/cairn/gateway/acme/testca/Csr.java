package io.cairn.gateway.acme.testca;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** A verified PKCS#10 request: its key and DNS names. */
record Csr(PublicKey key, List<String> dnsNames) {

  static Csr parse(byte[] der) throws Jws.Problem {
    try {
      var csr = new JcaPKCS10CertificationRequest(der);
      var verifier = new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo());
      if (!csr.isSignatureValid(verifier)) {
        throw new Jws.Problem("badCSR", 400, "CSR signature is invalid");
      }
      var names = new ArrayList<String>();
      for (var attr : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
        var exts = Extensions.getInstance(attr.getAttrValues().getObjectAt(0));
        var sans = GeneralNames.fromExtensions(exts, Extension.subjectAlternativeName);
        if (sans != null) {
          for (GeneralName n : sans.getNames()) {
            if (n.getTagNo() == GeneralName.dNSName) {
              names.add(n.getName().toString());
            }
          }
        }
      }
      return new Csr(csr.getPublicKey(), names);
    } catch (Jws.Problem p) {
      throw p;
    } catch (Exception e) {
      throw new Jws.Problem("badCSR", 400, "CSR cannot be read: " + e.getMessage());
    }
  }
}
