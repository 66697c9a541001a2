package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM files as etcd users have them: private keys PKCS#8, PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}), unencrypted; certificates in order. Failures are {@link ConfigException}s
 * that start with {@code what} (such as {@code "flag --peer-key-file"}) and name the file.
 */
final class PemFiles {
  private PemFiles() {}

  /** Every PEM object in {@code file}, in order; at least one. */
  static List<Object> objects(String file, String what) {
    List<Object> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        out.add(o);
      }
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(what + ": cannot read '" + file + "' as PEM: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new ConfigException(what + ": no PEM block found in '" + file + "'");
    }
    return out;
  }

  /** The first private key in {@code file}, as a key of the JDK's own providers. */
  static PrivateKey privateKey(String file, String what) {
    for (Object o : objects(file, what)) {
      PrivateKeyInfo info =
          o instanceof PEMKeyPair kp ? kp.getPrivateKeyInfo() : o instanceof PrivateKeyInfo i ? i : null;
      if (info != null) {
        try {
          return jdkKey(new JcaPEMKeyConverter().getPrivateKey(info));
        } catch (IOException | GeneralSecurityException e) {
          throw new ConfigException(what + ": '" + file + "': " + e.getMessage());
        }
      }
    }
    throw new ConfigException(what + ": '" + file
        + "': expected an unencrypted PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
  }

  /** Every certificate in {@code file}, in order; at least one. */
  static List<X509Certificate> certificates(String file, String what) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Object o : objects(file, what)) {
        if (o instanceof X509CertificateHolder h) {
          out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(h.getEncoded())));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(what + ": '" + file + "': bad certificate: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new ConfigException(what + ": '" + file + "': expected PEM \"-----BEGIN CERTIFICATE-----\" blocks");
    }
    return out;
  }

  /**
   * The same key from the JDK's own providers: with BouncyCastle registered (the gateway's ACME
   * client registers it), the converter may hand out BouncyCastle keys ("ECDSA").
   */
  static PrivateKey jdkKey(PrivateKey key) throws GeneralSecurityException {
    return jdkKeyFactory(key).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
  }

  /** Like {@link #jdkKey(PrivateKey)}, for a public key. */
  static PublicKey jdkKey(PublicKey key) throws GeneralSecurityException {
    return jdkKeyFactory(key).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
  }

  private static KeyFactory jdkKeyFactory(java.security.Key key) throws GeneralSecurityException {
    String alg = key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
    if (!alg.equals("EC") && !alg.equals("RSA")) {
      throw new GeneralSecurityException("expected an RSA or EC key, got a " + alg + " key");
    }
    return KeyFactory.getInstance(alg, alg.equals("EC") ? "SunEC" : "SunRsaSign");
  }
}
