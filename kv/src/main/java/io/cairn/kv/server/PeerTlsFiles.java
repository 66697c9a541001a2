package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import io.cairn.raft.PeerTls;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS between kv members, from etcd's {@code --peer-cert-file}, {@code --peer-key-file}, {@code
 * --peer-trusted-ca-file} and {@code --peer-client-cert-auth}; used when the peer URLs are {@code
 * https://}. Empty strings mean "not given"; an empty CA file means the JDK's default trust store.
 */
record PeerTlsFiles(String certFile, String keyFile, String trustedCaFile, boolean clientCertAuth) {
  private static final char[] NO_PASSWORD = new char[0];

  boolean serves() {
    return !certFile.isEmpty() && !keyFile.isEmpty();
  }

  /** The Raft node's TLS, files read now. */
  PeerTls load() {
    PrivateKey key = PemFiles.privateKey(keyFile, "flag --peer-key-file");
    List<X509Certificate> chain = PemFiles.certificates(certFile, "flag --peer-cert-file");
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("peer", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, NO_PASSWORD);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (trustedCaFile.isEmpty()) {
        tmf.init((KeyStore) null);
      } else {
        KeyStore cas = KeyStore.getInstance("PKCS12");
        cas.load(null, null);
        int i = 0;
        for (X509Certificate ca : PemFiles.certificates(trustedCaFile, "flag --peer-trusted-ca-file")) {
          cas.setCertificateEntry("ca" + i++, ca);
        }
        tmf.init(cas);
      }
      // etcd's rule: a CA file given, or --peer-client-cert-auth, and connecting peers must show a certificate
      return new PeerTls(kmf.getKeyManagers()[0], tmf.getTrustManagers()[0], clientCertAuth || !trustedCaFile.isEmpty());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new ConfigException(
          "flag --peer-cert-file: cannot use '" + certFile + "' with the key in '" + keyFile + "': " + e.getMessage());
    }
  }
}
