package io.cairn.gateway.acme;

import java.security.KeyPair;
import org.shredzone.acme4j.util.KeyPairUtils;

/** Traefik's {@code keyType} values for certificate keys. */
final class KeyTypes {
  private KeyTypes() {}

  /**
   * A new key pair of the given type.
   *
   * @throws IllegalArgumentException for a type Traefik does not know
   */
  static KeyPair generate(String keyType) {
    return switch (keyType) {
      case "EC256" -> KeyPairUtils.createECKeyPair("secp256r1");
      case "EC384" -> KeyPairUtils.createECKeyPair("secp384r1");
      case "RSA2048" -> KeyPairUtils.createKeyPair(2048);
      case "RSA4096" -> KeyPairUtils.createKeyPair(4096);
      case "RSA8192" -> KeyPairUtils.createKeyPair(8192);
      default -> throw unknown(keyType);
    };
  }

  /** Checks the type without generating a key; returns it. */
  static String check(String keyType) {
    return switch (keyType) {
      case "EC256", "EC384", "RSA2048", "RSA4096", "RSA8192" -> keyType;
      default -> throw unknown(keyType);
    };
  }

  private static IllegalArgumentException unknown(String keyType) {
    return new IllegalArgumentException(
        "unknown ACME keyType '" + keyType + "'; expected one of EC256, EC384, RSA2048, RSA4096, RSA8192");
  }
}
