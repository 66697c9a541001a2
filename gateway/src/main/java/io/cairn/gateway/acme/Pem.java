package io.cairn.gateway.acme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.shredzone.acme4j.util.KeyPairUtils;

/** PEM text for keys and certificate chains, as Traefik keeps them in {@code acme.json}. */
final class Pem {
  private Pem() {}

  static String certificates(List<X509Certificate> chain) throws IOException {
    var out = new StringWriter();
    try (var w = new JcaPEMWriter(out)) {
      for (X509Certificate c : chain) {
        w.writeObject(c);
      }
    }
    return out.toString();
  }

  static List<X509Certificate> parseCertificates(String pem) throws IOException {
    try {
      var factory = CertificateFactory.getInstance("X.509");
      var certs =
          factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      var chain = new ArrayList<X509Certificate>();
      for (var c : certs) {
        chain.add((X509Certificate) c);
      }
      if (chain.isEmpty()) {
        throw new IOException("no certificate in the PEM text; expected the leaf first");
      }
      return chain;
    } catch (CertificateException e) {
      throw new IOException("certificate PEM cannot be read: " + e.getMessage(), e);
    }
  }

  static String privateKey(PrivateKey key) throws IOException {
    var out = new StringWriter();
    try (var w = new JcaPEMWriter(out)) {
      w.writeObject(key);
    }
    return out.toString();
  }

  static PrivateKey parsePrivateKey(String pem) throws IOException {
    try (var parser = new PEMParser(new StringReader(pem))) {
      Object o = parser.readObject();
      var converter = new JcaPEMKeyConverter();
      return switch (o) {
        case PEMKeyPair kp -> converter.getKeyPair(kp).getPrivate();
        case PrivateKeyInfo info -> converter.getPrivateKey(info);
        case null -> throw new IOException("no private key in the PEM text");
        default -> throw new IOException("unexpected PEM object " + o.getClass().getSimpleName());
      };
    }
  }

  static String keyPair(KeyPair keyPair) throws IOException {
    var out = new StringWriter();
    KeyPairUtils.writeKeyPair(keyPair, out);
    return out.toString();
  }

  static KeyPair parseKeyPair(String pem) throws IOException {
    return KeyPairUtils.readKeyPair(new StringReader(pem));
  }
}
