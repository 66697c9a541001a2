package io.cairn.gateway.acme;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * Traefik's {@code keyType} values for certificate keys. Keys come from the JDK's providers, not
 * BouncyCastle's (acme4j's {@code KeyPairUtils}): the JDK's TLS stack does not recognize the curve
 * of a BouncyCastle EC key and fails the handshake.
 */
final class KeyTypes {
  private KeyTypes() {}

  /**
   * A new key pair of the given type.
   *
   * @throws IllegalArgumentException for a type Traefik does not know
   */
  static KeyPair generate(String keyType) {
    return switch (check(keyType)) {
      case "EC256" -> ec("secp256r1");
      case "EC384" -> ec("secp384r1");
      case "RSA2048" -> rsa(2048);
      case "RSA8192" -> rsa(8192);
      default -> rsa(4096);
    };
  }

  /** Checks the type without generating a key; returns it. */
  static String check(String keyType) {
    return switch (keyType) {
      case "EC256", "EC384", "RSA2048", "RSA4096", "RSA8192" -> keyType;
      default -> throw new IllegalArgumentException("unknown ACME keyType '" + keyType
          + "'; expected one of EC256, EC384, RSA2048, RSA4096, RSA8192");
    };
  }

  static KeyPair ec(String curve) {
    try {
      var g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + curve + " keys", e);
    }
  }

  private static KeyPair rsa(int bits) {
    try {
      var g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate RSA keys", e);
    }
  }
}
