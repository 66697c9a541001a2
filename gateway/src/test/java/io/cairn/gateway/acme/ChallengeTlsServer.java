package io.cairn.gateway.acme;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A stand-in for a TLS entry point answering TLS-ALPN-01 the way the server must: ALPN {@code
 * acme-tls/1} selected, the validation certificate of {@link TlsAlpnChallenges} for the SNI name,
 * the connection closed after the handshake.
 */
final class ChallengeTlsServer implements AutoCloseable {
  private final SSLServerSocket socket;
  private final Thread acceptor;

  ChallengeTlsServer(TlsAlpnChallenges challenges) throws IOException, GeneralSecurityException {
    var ctx = SSLContext.getInstance("TLS");
    ctx.init(new KeyManager[] {new ChallengeKeys(challenges)}, null, null);
    socket = (SSLServerSocket) ctx.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(this::acceptLoop);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        var s = (SSLSocket) socket.accept();
        Thread.ofVirtual().start(() -> handshake(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void handshake(SSLSocket s) {
    try (s) {
      s.setSoTimeout(5_000);
      s.setHandshakeApplicationProtocolSelector((sock, offered) ->
          offered.contains(TlsAlpnChallenges.ALPN_PROTOCOL) ? TlsAlpnChallenges.ALPN_PROTOCOL : null);
      s.startHandshake();
    } catch (IOException e) {
      // the client gave up or the name had no challenge: nothing to serve
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }

  /** Picks the validation certificate by SNI; the alias is the server name. */
  private static final class ChallengeKeys extends X509ExtendedKeyManager {
    private final TlsAlpnChallenges challenges;

    ChallengeKeys(TlsAlpnChallenges challenges) {
      this.challenges = challenges;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      var session = ((SSLSocket) socket).getHandshakeSession();
      if (!(session instanceof ExtendedSSLSession ext)) {
        return null;
      }
      for (var name : ext.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          Optional<?> ck = challenges.challengeCertificate(host.getAsciiName());
          if (ck.isPresent()) {
            return host.getAsciiName();
          }
        }
      }
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return challenges.challengeCertificate(alias)
          .map(ck -> ck.chain().toArray(X509Certificate[]::new)).orElse(null);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return challenges.challengeCertificate(alias).map(ck -> ck.key()).orElse(null);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
