package io.cairn.kv.server;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A check of a certificate chain the JDK has already validated against the trusted CAs: etcd's
 * revocation lists ({@link RevocationList}) and allowed names ({@link AllowedName}).
 */
interface ChainCheck {
  /** @throws CertificateException saying why {@code chain} (leaf first) is refused */
  void check(X509Certificate[] chain) throws CertificateException;

  /** Both checks in turn; either may be null (no check). Null when both are. */
  static ChainCheck both(ChainCheck a, ChainCheck b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return chain -> {
      a.check(chain);
      b.check(chain);
    };
  }
}
