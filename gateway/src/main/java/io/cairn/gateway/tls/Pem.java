package io.cairn.gateway.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * PEM in and out. A "file or content" value (Traefik's {@code FileOrContent}) is PEM content when it
 * contains {@code -----BEGIN}, else a path. Keys may be PKCS#8, PKCS#1 (RSA) or SEC1 (EC).
 */
final class Pem {
  private Pem() {}

  /** The text of a file-or-content value; a missing file is an {@link IOException} naming it. */
  static String text(String fileOrContent) throws IOException {
    if (fileOrContent.contains("-----BEGIN")) {
      return fileOrContent;
    }
    return Files.readString(Path.of(fileOrContent), StandardCharsets.US_ASCII);
  }

  /** Every certificate in {@code pem}, in order; an error when there is none. */
  static List<X509Certificate> certificates(String pem) throws IOException {
    List<X509Certificate> out = new ArrayList<>();
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        if (o instanceof org.bouncycastle.cert.X509CertificateHolder h) {
          out.add((X509Certificate) cf.generateCertificate(
              new java.io.ByteArrayInputStream(h.getEncoded())));
        }
      }
    } catch (CertificateException e) {
      throw new IOException("bad certificate: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IOException("no CERTIFICATE block found; expected PEM \"-----BEGIN CERTIFICATE-----\"");
    }
    return out;
  }

  /** The first private key in {@code pem}. */
  static PrivateKey privateKey(String pem) throws IOException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        if (o instanceof PEMKeyPair kp) {
          return jdkKey(converter.getPrivateKey(kp.getPrivateKeyInfo()));
        }
        if (o instanceof PrivateKeyInfo info) {
          return jdkKey(converter.getPrivateKey(info));
        }
      }
    }
    throw new IOException("no unencrypted private key found; expected PEM \"-----BEGIN PRIVATE KEY-----\""
        + " (PKCS#8), \"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\"");
  }

  /**
   * The same key as a JDK key: once BouncyCastle is a registered provider (acme4j registers it),
   * the converter hands out BouncyCastle EC keys ("ECDSA"), which the JDK's TLS stack and key checks
   * do not take.
   */
  private static PrivateKey jdkKey(PrivateKey key) throws IOException {
    String alg = switch (key.getAlgorithm()) {
      case "EC", "ECDSA" -> "EC";
      case "RSA" -> "RSA";
      default -> null;
    };
    if (alg == null || !key.getClass().getName().startsWith("org.bouncycastle.")) {
      return key;
    }
    try {
      return java.security.KeyFactory.getInstance(alg, alg.equals("EC") ? "SunEC" : "SunRsaSign")
          .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot read the " + alg + " private key: " + e.getMessage(), e);
    }
  }

  /** A certificate and key from two file-or-content values. */
  static CertifiedKey certifiedKey(String certFileOrContent, String keyFileOrContent) throws IOException {
    return new CertifiedKey(privateKey(text(keyFileOrContent)), certificates(text(certFileOrContent)));
  }

  /** PEM text of certificates and/or keys (keys as PKCS#8 {@code PRIVATE KEY}). */
  static String encode(Object... objects) {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      for (Object o : objects) {
        if (o instanceof PrivateKey k) {
          pw.writeObject(new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", k.getEncoded()));
        } else {
          pw.writeObject(o);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
