package io.cairn.gateway.acme;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust for a CA server's HTTPS, as Traefik (through lego) builds it: the certificates of the
 * {@code caCertificates} PEM files, else of the files in the {@code LEGO_CA_CERTIFICATES}
 * environment variable (paths separated by {@code :}), plus the JDK's trust store when {@code
 * caSystemCertPool} is on; with neither, empty (the JDK's default trust).
 */
public final class CaTrust {
  /** lego's variable, honoured by Traefik: extra PEM files trusted for the CA server. */
  public static final String ENV = "LEGO_CA_CERTIFICATES";

  private CaTrust() {}

  /**
   * The trust for a resolver's options, reading {@code env} for {@link #ENV}.
   *
   * @throws IllegalArgumentException when a file cannot be read or holds no certificate; the
   *     message names the file
   */
  public static Optional<SSLContext> of(List<String> caCertificates, boolean systemPool, Map<String, String> env) {
    List<String> files = caCertificates;
    if (files.isEmpty() && env.getOrDefault(ENV, "").strip().length() > 0) {
      files = Arrays.stream(env.get(ENV).split(File.pathSeparator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
    if (files.isEmpty()) {
      return Optional.empty();
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (String f : files) {
        for (Certificate c : read(Path.of(f))) {
          store.setCertificateEntry("ca-" + n++, c);
        }
      }
      List<TrustManager> managers = new ArrayList<>(List.of(managers(store)));
      if (systemPool) {
        managers.addAll(List.of(managers(null)));
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new AnyOf(managers)}, null);
      return Optional.of(ctx);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("caCertificates: cannot build the trust: " + e.getMessage(), e);
    }
  }

  private static List<? extends Certificate> read(Path file) {
    try {
      byte[] pem = Files.readAllBytes(file);
      var certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("caCertificates: " + file + " holds no PEM certificate");
      }
      return List.copyOf(certs);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("caCertificates: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static TrustManager[] managers(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    return f.getTrustManagers();
  }

  /** Trusts a server chain when any of the managers does. */
  private record AnyOf(List<TrustManager> managers) implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
      java.security.cert.CertificateException last = null;
      for (TrustManager m : managers) {
        if (m instanceof X509TrustManager x) {
          try {
            x.checkServerTrusted(chain, authType);
            return;
          } catch (java.security.cert.CertificateException e) {
            last = e;
          }
        }
      }
      throw last != null ? last : new java.security.cert.CertificateException("no trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return managers.stream().filter(m -> m instanceof X509TrustManager)
          .flatMap(m -> Arrays.stream(((X509TrustManager) m).getAcceptedIssuers())).toArray(X509Certificate[]::new);
    }
  }
}
