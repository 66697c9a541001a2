package io.cairn.gateway.tls;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Whether a private key belongs to a certificate: sign a probe and verify it with the public key. */
final class KeyPairs {
  private KeyPairs() {}

  static boolean matches(CertifiedKey key) {
    PublicKey pub = key.leaf().getPublicKey();
    String alg = switch (key.key().getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> "";
    };
    if (alg.isEmpty() || !pub.getAlgorithm().equals(key.key().getAlgorithm())) {
      return alg.isEmpty(); // an algorithm we cannot probe is trusted; the handshake will tell
    }
    try {
      byte[] probe = "cairn key probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(key.key());
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(pub);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
