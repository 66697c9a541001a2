package io.cairn.monitor.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link HttpClient} for a {@link HttpSettings}: HTTP/1.1 (as Prometheus scrapes),
 * redirects per {@code follow_redirects}, TLS from PEM files. Executors are virtual threads.
 *
 * <p>{@code server_name} sets the SNI name; certificate host names are still checked against the
 * URL's host by the JDK (use {@code insecure_skip_verify} where they differ).
 */
public final class HttpClients {
  private HttpClients() {}

  /** A client for {@code s}; throws IllegalArgumentException when a TLS file cannot be used. */
  public static HttpClient build(HttpSettings s) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(s.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
        .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    TlsSettings tls = s.tls();
    if (!tls.equals(TlsSettings.DEFAULT)) {
      try {
        b.sslContext(sslContext(tls));
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException("tls_config: " + e.getMessage(), e);
      }
      SSLParameters p = new SSLParameters();
      tls.serverName().ifPresent(n -> p.setServerNames(List.of(new SNIHostName(n))));
      b.sslParameters(p);
    }
    return b.build();
  }

  private static SSLContext sslContext(TlsSettings tls) throws IOException, GeneralSecurityException {
    TrustManager[] trust = null;
    if (tls.insecureSkipVerify()) {
      trust = new TrustManager[] {new TrustAll()};
    } else if (tls.caFile().isPresent()) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : certificates(tls.caFile().get())) {
        ks.setCertificateEntry("ca" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      trust = tmf.getTrustManagers();
    }
    javax.net.ssl.KeyManager[] keys = null;
    if (tls.certFile().isPresent()) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      List<Certificate> chain = certificates(tls.certFile().get());
      ks.setKeyEntry("client", privateKey(tls.keyFile().orElseThrow()), new char[0], chain.toArray(Certificate[]::new));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, new char[0]);
      keys = kmf.getKeyManagers();
    }
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(keys, trust, null);
    return ctx;
  }

  private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      List<Certificate> certs = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certs.isEmpty()) {
        throw new GeneralSecurityException(file + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
      }
      return certs;
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file);
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new GeneralSecurityException(file + " is not a PKCS#8 PEM key (expected -----BEGIN PRIVATE KEY-----;"
          + " convert with: openssl pkcs8 -topk8 -nocrypt)");
    }
    String b64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
    byte[] der = Base64.getMimeDecoder().decode(b64);
    for (String alg : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new GeneralSecurityException(file + " holds a PKCS#8 key that is not RSA, EC or Ed25519");
  }

  /** Extended, so the JDK does not add its host name check on top (that is what "insecure" skips too). */
  private static final class TrustAll extends javax.net.ssl.X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {}

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
