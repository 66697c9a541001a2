package io.cairn.gateway.acme;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * acme4j asks for the {@code BC} security provider by name (key generation, PEM, CSR), so it is
 * registered once, appended after the JDK's providers: code that asks for no provider by name
 * keeps getting the JDK's implementations.
 */
final class BouncyCastle {
  private BouncyCastle() {}

  static synchronized void register() {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }
}
