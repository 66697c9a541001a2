package io.cairn.gateway.acme.testca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * What a CA does to validate a challenge, against 127.0.0.1 and the port a test maps the domain
 * to. Each method answers empty when the challenge passed, or the reason it failed.
 */
final class Validators {
  static final String ACME_IDENTIFIER = "1.3.6.1.5.5.7.1.31";
  private static final int TIMEOUT_MS = 5_000;

  private Validators() {}

  /** HTTP-01: {@code GET /.well-known/acme-challenge/TOKEN} with {@code Host: domain}. */
  static Optional<String> http01(String domain, int port, String token, String keyAuthorization) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      String request = "GET /.well-known/acme-challenge/" + token + " HTTP/1.1\r\nHost: " + domain
          + "\r\nUser-Agent: cairn-test-acme\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      var out = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(out);
      String response = out.toString(StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      if (split < 0) {
        return Optional.of("incomplete HTTP response from " + domain);
      }
      String statusLine = response.substring(0, response.indexOf("\r\n"));
      if (!statusLine.matches("HTTP/1\\.[01] 200 .*")) {
        return Optional.of("HTTP-01 answer for " + domain + " was '" + statusLine + "'");
      }
      String body = response.substring(split + 4);
      if (response.toLowerCase().contains("transfer-encoding: chunked")) {
        return Optional.of("chunked HTTP-01 answers are not understood by this test CA");
      }
      if (!body.strip().equals(keyAuthorization)) {
        return Optional.of("HTTP-01 key authorization for " + domain + " was '" + body.strip()
            + "', expected '" + keyAuthorization + "'");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("connection to " + domain + " (127.0.0.1:" + port + ") failed: " + e);
    }
  }

  /** TLS-ALPN-01: handshake with SNI = domain and ALPN acme-tls/1, then check the certificate. */
  static Optional<String> tlsAlpn01(String domain, int port, String keyAuthorization) {
    try {
      var ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new TrustAll()}, null);
      try (var socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        var params = socket.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(domain)));
        params.setApplicationProtocols(new String[] {"acme-tls/1"});
        socket.setSSLParameters(params);
        socket.startHandshake();
        if (!"acme-tls/1".equals(socket.getApplicationProtocol())) {
          return Optional.of("server did not select ALPN acme-tls/1 but '"
              + socket.getApplicationProtocol() + "'");
        }
        var leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        return checkCertificate(leaf, domain, keyAuthorization);
      }
    } catch (IOException | GeneralSecurityException e) {
      return Optional.of("TLS-ALPN-01 handshake with " + domain + " (127.0.0.1:" + port
          + ") failed: " + e);
    }
  }

  private static Optional<String> checkCertificate(X509Certificate leaf, String domain,
      String keyAuthorization) throws GeneralSecurityException {
    var sans = leaf.getSubjectAlternativeNames();
    if (sans == null || sans.size() != 1 || !List.of(2, domain).equals(sans.iterator().next())) {
      return Optional.of("validation certificate SANs are " + sans + ", expected only " + domain);
    }
    if (leaf.getCriticalExtensionOIDs() == null
        || !leaf.getCriticalExtensionOIDs().contains(ACME_IDENTIFIER)) {
      return Optional.of("validation certificate lacks the critical acmeIdentifier extension");
    }
    byte[] outer = leaf.getExtensionValue(ACME_IDENTIFIER);
    byte[] value = ASN1OctetString.getInstance(
        ASN1OctetString.getInstance(outer).getOctets()).getOctets();
    byte[] expected = Jws.sha256(keyAuthorization.getBytes(StandardCharsets.US_ASCII));
    if (!Arrays.equals(value, expected)) {
      return Optional.of("acmeIdentifier does not match the key authorization");
    }
    return Optional.empty();
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
