package io.cairn.kv.server;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every certificate: {@code --peer-auto-tls} members, whose certificates are self-signed
 * and known to nobody, encrypt their traffic but do not authenticate each other, as etcd's
 * self-signed peer TLS ({@code InsecureSkipVerify}). Extends {@link X509ExtendedTrustManager} so the
 * JDK adds no host name check of its own.
 */
final class TrustAnyPeer extends X509ExtendedTrustManager {
  static final TrustAnyPeer INSTANCE = new TrustAnyPeer();
  private static final X509Certificate[] NONE = new X509Certificate[0];

  private TrustAnyPeer() {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NONE;
  }
}
