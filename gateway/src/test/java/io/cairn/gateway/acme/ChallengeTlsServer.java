package io.cairn.gateway.acme;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

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
    ctx.init(new KeyManager[] {new SniKeyManager(challenges::challengeCertificate)}, null, null);
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
}
