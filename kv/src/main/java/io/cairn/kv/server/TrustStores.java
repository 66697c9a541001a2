package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The JDK trust managers for a CA file of etcd's flags. */
final class TrustStores {
  private TrustStores() {}

  /**
   * A trust manager accepting chains to the PEM CAs in {@code caFile}, or to the JDK's default trust
   * store when it is empty; client chains must also pass {@code onClients} and server chains {@code
   * onServers} (either null for none; see {@link CheckedTrust}).
   *
   * @throws ConfigException naming {@code flag} when the file holds no usable certificate
   */
  static X509ExtendedTrustManager of(String caFile, String flag, ChainCheck onClients, ChainCheck onServers) {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (caFile.isEmpty()) {
        tmf.init((KeyStore) null);
      } else {
        KeyStore cas = KeyStore.getInstance("PKCS12");
        cas.load(null, null);
        int i = 0;
        for (X509Certificate ca : PemFiles.certificates(caFile, "flag " + flag)) {
          cas.setCertificateEntry("ca" + i++, ca);
        }
        tmf.init(cas);
      }
      X509ExtendedTrustManager tm = x509(tmf.getTrustManagers());
      return CheckedTrust.of(tm, onClients, onServers);
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException("flag " + flag + ": cannot trust the CAs in '" + caFile + "': " + e.getMessage());
    }
  }

  private static X509ExtendedTrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
    for (TrustManager m : managers) {
      if (m instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
  }
}
