package io.cairn.gateway.acme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM text for keys and certificate chains, as Traefik keeps them in {@code acme.json}. Keys are
 * written as PKCS#8 ({@code PRIVATE KEY}); PKCS#8, PKCS#1 and SEC1 are read. Decision: parsed keys
 * are the JDK's own key classes (BouncyCastle's are not usable by the JDK's TLS stack).
 */
final class Pem {
  private Pem() {}

  static String certificates(List<X509Certificate> chain) throws IOException {
    var out = new StringWriter();
    try (var w = new PemWriter(out)) {
      for (X509Certificate c : chain) {
        try {
          w.writeObject(new PemObject("CERTIFICATE", c.getEncoded()));
        } catch (CertificateException e) {
          throw new IOException("certificate cannot be encoded", e);
        }
      }
    }
    return out.toString();
  }

  static List<X509Certificate> parseCertificates(String pem) throws IOException {
    try {
      var factory = CertificateFactory.getInstance("X.509");
      var certs = factory.generateCertificates(
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
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
    return write(new PemObject("PRIVATE KEY", key.getEncoded()));
  }

  static PrivateKey parsePrivateKey(String pem) throws IOException {
    for (Object o : read(pem)) {
      if (o instanceof PEMKeyPair kp) {
        return jdkPrivate(kp.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return jdkPrivate(info);
      }
    }
    throw new IOException("no private key in the PEM text");
  }

  /** A key pair as two PEM blocks: {@code PRIVATE KEY} then {@code PUBLIC KEY}. */
  static String keyPair(KeyPair keyPair) throws IOException {
    return write(new PemObject("PRIVATE KEY", keyPair.getPrivate().getEncoded()))
        + write(new PemObject("PUBLIC KEY", keyPair.getPublic().getEncoded()));
  }

  static KeyPair parseKeyPair(String pem) throws IOException {
    PrivateKey priv = null;
    PublicKey pub = null;
    for (Object o : read(pem)) {
      switch (o) {
        case PEMKeyPair kp when kp.getPublicKeyInfo() != null -> {
          priv = jdkPrivate(kp.getPrivateKeyInfo());
          pub = jdkPublic(kp.getPublicKeyInfo());
        }
        case PEMKeyPair kp -> priv = jdkPrivate(kp.getPrivateKeyInfo());
        case PrivateKeyInfo info -> priv = jdkPrivate(info);
        case SubjectPublicKeyInfo info -> pub = jdkPublic(info);
        default -> {}
      }
    }
    if (priv == null || pub == null) {
      throw new IOException("the key pair PEM needs a private and a public key");
    }
    return new KeyPair(pub, priv);
  }

  private static List<Object> read(String pem) throws IOException {
    var objects = new ArrayList<>();
    try (var parser = new PEMParser(new StringReader(pem))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    }
    return objects;
  }

  private static String write(PemObject object) throws IOException {
    var out = new StringWriter();
    try (var w = new PemWriter(out)) {
      w.writeObject(object);
    }
    return out.toString();
  }

  private static PrivateKey jdkPrivate(PrivateKeyInfo info) throws IOException {
    try {
      return KeyFactory.getInstance(algorithm(info.getPrivateKeyAlgorithm().getAlgorithm()))
          .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IOException("private key cannot be read: " + e.getMessage(), e);
    }
  }

  private static PublicKey jdkPublic(SubjectPublicKeyInfo info) throws IOException {
    try {
      return KeyFactory.getInstance(algorithm(info.getAlgorithm().getAlgorithm()))
          .generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IOException("public key cannot be read: " + e.getMessage(), e);
    }
  }

  private static String algorithm(ASN1ObjectIdentifier oid) throws IOException {
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return "EC";
    }
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return "RSA";
    }
    throw new IOException("unsupported key algorithm " + oid + "; expected EC or RSA");
  }
}
