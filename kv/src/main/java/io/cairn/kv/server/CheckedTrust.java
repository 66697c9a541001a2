package io.cairn.kv.server;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that, after its delegate has accepted a certificate chain, also runs a {@link
 * ChainCheck}: {@code onClients} on the chains of connecting sides (client certificates), {@code
 * onServers} on those of the servers this side dials; either may be null.
 *
 * <p>The client port checks clients only, as etcd checks CRLs in its listeners. Between members
 * both sides check: etcd's peers each dial the other to receive its messages, so a listener's check
 * shuts a member out both ways, but Ratis' leader dials a follower to push entries to it, and only
 * the dialling side's check keeps a refused follower out; etcd's allowed CN and hostname apply to
 * both sides of a peer connection anyway.
 */
final class CheckedTrust extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private final ChainCheck onClients;
  private final ChainCheck onServers;

  /** {@code delegate} alone when both checks are null. */
  static X509ExtendedTrustManager of(X509ExtendedTrustManager delegate, ChainCheck onClients, ChainCheck onServers) {
    return onClients == null && onServers == null ? delegate : new CheckedTrust(delegate, onClients, onServers);
  }

  private CheckedTrust(X509ExtendedTrustManager delegate, ChainCheck onClients, ChainCheck onServers) {
    this.delegate = delegate;
    this.onClients = onClients;
    this.onServers = onServers;
  }

  private static void run(ChainCheck check, X509Certificate[] chain) throws CertificateException {
    if (check != null) {
      check.check(chain);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
    run(onClients, chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
    run(onClients, chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
    run(onClients, chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
    run(onServers, chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    delegate.checkServerTrusted(chain, authType, socket);
    run(onServers, chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, engine);
    run(onServers, chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
