package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import io.cairn.raft.PeerTls;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/**
 * TLS between kv members, from etcd's {@code --peer-cert-file}, {@code --peer-key-file}, {@code
 * --peer-trusted-ca-file} and {@code --peer-client-cert-auth}; used when the peer URLs are {@code
 * https://}. Empty strings mean "not given"; an empty CA file means the JDK's default trust store.
 *
 * <p>{@code --peer-auto-tls} ({@code auto}), as etcd's {@code PeerSelfCert}: when no certificate and
 * key are given, {@link #resolve} replaces these settings by a {@link SelfSignedCert}, and members
 * then neither verify each other's certificates nor ask for them (etcd skips verification of
 * self-signed peer certificates); when they are given, {@code auto} is ignored with etcd's warning.
 */
record PeerTlsFiles(String certFile, String keyFile, String trustedCaFile, boolean clientCertAuth, boolean auto) {
  private static final char[] NO_PASSWORD = new char[0];

  PeerTlsFiles(String certFile, String keyFile, String trustedCaFile, boolean clientCertAuth) {
    this(certFile, keyFile, trustedCaFile, clientCertAuth, false);
  }

  boolean serves() {
    return hasFiles() || auto;
  }

  private boolean hasFiles() {
    return !certFile.isEmpty() && !keyFile.isEmpty();
  }

  /**
   * These settings with {@code --peer-auto-tls} carried out: the self-signed pair in {@code fixtures}
   * (made now if missing) for the listen hosts {@code hosts}; unchanged without {@code auto}. The
   * result keeps {@code auto} when it made the pair, so that {@link #load} trusts any peer.
   */
  PeerTlsFiles resolve(Path fixtures, List<String> hosts, long validityYears) {
    if (!auto) {
      return this;
    }
    SelfSignedCert.Pair pair = SelfSignedCert.forAutoTls(SelfSignedCert.Side.PEER, hasFiles(), fixtures, hosts, validityYears);
    return pair == null
        ? new PeerTlsFiles(certFile, keyFile, trustedCaFile, clientCertAuth, false)
        : new PeerTlsFiles(pair.certFile().toString(), pair.keyFile().toString(), "", false, true);
  }

  /** The Raft node's TLS, files read now, with no checks beyond the CAs; call {@link #resolve} first. */
  PeerTls load() {
    return load(null);
  }

  /**
   * The Raft node's TLS, files read now; call {@link #resolve} first. A peer's certificate must also
   * pass {@code checks} ({@code --peer-crl-file}, {@code --peer-cert-allowed-cn}, {@code
   * --peer-cert-allowed-hostname}; null for none), whichever side dials.
   */
  PeerTls load(ChainCheck checks) {
    PrivateKey key = PemFiles.privateKey(keyFile, "flag --peer-key-file");
    List<X509Certificate> chain = PemFiles.certificates(certFile, "flag --peer-cert-file");
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("peer", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, NO_PASSWORD);
      if (auto) {
        return new PeerTls(kmf.getKeyManagers()[0], CheckedTrust.of(TrustAnyPeer.INSTANCE, checks, checks), false);
      }
      // etcd's rule: a CA file given, or --peer-client-cert-auth, and connecting peers must show a certificate
      return new PeerTls(kmf.getKeyManagers()[0], TrustStores.of(trustedCaFile, "--peer-trusted-ca-file", checks, checks),
          clientCertAuth || !trustedCaFile.isEmpty());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new ConfigException(
          "flag --peer-cert-file: cannot use '" + certFile + "' with the key in '" + keyFile + "': " + e.getMessage());
    }
  }
}
