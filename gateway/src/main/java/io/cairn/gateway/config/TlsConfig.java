package io.cairn.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dynamic {@code tls} section: certificates, named TLS options and certificate stores. A
 * certificate or key is a file path or the PEM content itself (Traefik's {@code FileOrContent}).
 */
public record TlsConfig(List<Certificate> certificates, Map<String, Options> options, Map<String, Store> stores) {

  public TlsConfig {
    certificates = Checks.list(certificates);
    options = Checks.map(options);
    stores = Checks.map(stores);
  }

  public static TlsConfig empty() {
    return new TlsConfig(List.of(), Map.of(), Map.of());
  }

  /** A certificate and key; {@code stores} empty means the {@code default} store. */
  public record Certificate(String certFile, String keyFile, List<String> stores) {
    public Certificate {
      Objects.requireNonNull(certFile, "certFile");
      Objects.requireNonNull(keyFile, "keyFile");
      stores = Checks.list(stores);
    }
  }

  /**
   * Named TLS options (the name {@code default} applies to routers that name none).
   *
   * @param minVersion default {@code VersionTLS12}
   * @param maxVersion empty means the highest supported
   * @param cipherSuites Go names ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}); empty means defaults
   * @param alpnProtocols default {@code h2, http/1.1, acme-tls/1}
   */
  public record Options(
      String minVersion,
      String maxVersion,
      List<String> cipherSuites,
      List<String> curvePreferences,
      List<String> alpnProtocols,
      boolean sniStrict,
      Optional<ClientAuth> clientAuth) {
    public static final String DEFAULT_MIN_VERSION = "VersionTLS12";
    public static final List<String> DEFAULT_ALPN = List.of("h2", "http/1.1", "acme-tls/1");
    public static final List<String> VERSIONS = List.of("VersionTLS10", "VersionTLS11", "VersionTLS12", "VersionTLS13");

    public Options {
      Objects.requireNonNull(minVersion, "minVersion");
      Objects.requireNonNull(maxVersion, "maxVersion");
      cipherSuites = Checks.list(cipherSuites);
      curvePreferences = Checks.list(curvePreferences);
      alpnProtocols = Checks.list(alpnProtocols);
      Objects.requireNonNull(clientAuth, "clientAuth");
    }
  }

  /**
   * Client certificate authentication.
   *
   * @param clientAuthType {@code NoClientCert} (default), {@code RequestClientCert}, {@code
   *     RequireAnyClientCert}, {@code VerifyClientCertIfGiven} or {@code RequireAndVerifyClientCert}
   */
  public record ClientAuth(List<String> caFiles, String clientAuthType) {
    public static final List<String> TYPES = List.of("NoClientCert", "RequestClientCert", "RequireAnyClientCert",
        "VerifyClientCertIfGiven", "RequireAndVerifyClientCert");

    public ClientAuth {
      caFiles = Checks.list(caFiles);
      Objects.requireNonNull(clientAuthType, "clientAuthType");
    }
  }

  /** A certificate store: the certificate served when no other matches. */
  public record Store(Optional<Certificate> defaultCertificate, Optional<GeneratedCert> defaultGeneratedCert) {
    public Store {
      Objects.requireNonNull(defaultCertificate, "defaultCertificate");
      Objects.requireNonNull(defaultGeneratedCert, "defaultGeneratedCert");
    }
  }

  /** A default certificate obtained from a certificate resolver for {@code domain}. */
  public record GeneratedCert(String resolver, Optional<Domain> domain) {
    public GeneratedCert {
      Objects.requireNonNull(resolver, "resolver");
      Objects.requireNonNull(domain, "domain");
    }
  }
}
