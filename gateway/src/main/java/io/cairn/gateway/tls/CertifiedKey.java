package io.cairn.gateway.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain, leaf first: what a TLS server presents for one name.
 * Immutable; the chain list is copied.
 *
 * @param key the leaf's private key (RSA or EC)
 * @param chain the leaf certificate followed by its intermediates; never empty
 */
public record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {
  public CertifiedKey {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("certificate chain is empty; expected the leaf first");
    }
  }

  /**
   * Reads a certificate chain and its key, each a PEM file path or PEM text (Traefik's {@code
   * FileOrContent}); keys may be PKCS#8, PKCS#1 (RSA) or SEC1 (EC).
   *
   * @throws java.io.IOException when a file cannot be read or holds no usable PEM
   */
  public static CertifiedKey read(String certFileOrContent, String keyFileOrContent) throws java.io.IOException {
    return Pem.certifiedKey(certFileOrContent, keyFileOrContent);
  }

  /** The leaf certificate. */
  public X509Certificate leaf() {
    return chain.getFirst();
  }

  /** When the leaf stops being valid. */
  public Instant notAfter() {
    return leaf().getNotAfter().toInstant();
  }
}
