package io.cairn.gateway.tls;

import io.cairn.gateway.config.TlsConfig;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ClientAuth;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Traefik's TLS options ({@code tls.options.NAME}) in the terms of a Netty {@code SslContext}.
 *
 * <ul>
 *   <li>{@code minVersion}/{@code maxVersion}: {@code VersionTLS12} is {@code TLSv1.2}, and so on;
 *       defaults TLS 1.2 to TLS 1.3.
 *   <li>{@code cipherSuites}: Go's names, which are the IANA names except Go's short ChaCha20 aliases
 *       ({@code TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305} gets {@code _SHA256}). As in Go they apply to
 *       TLS 1.2 and below; the TLS 1.3 suites are always on. Empty: the HTTP/2-acceptable list (RFC
 *       7540 9.2.2).
 *   <li>{@code alpnProtocols}: offered in order; default {@code h2, http/1.1}. {@code acme-tls/1}
 *       (in Traefik's default) is dropped here: it is offered only to a ClientHello that offers
 *       nothing else, with the ACME challenge certificate (see {@link GatewayTls#challenges}).
 *   <li>{@code clientAuth}: {@code NoClientCert} (default), {@code RequestClientCert} and {@code
 *       RequireAnyClientCert} (a certificate asked or required, not verified), {@code
 *       VerifyClientCertIfGiven} and {@code RequireAndVerifyClientCert} (verified against {@code
 *       caFiles}).
 *   <li>{@code sniStrict}: a handshake whose server name no certificate names is refused (no
 *       default certificate, no internal CA).
 * </ul>
 *
 * {@code curvePreferences} is accepted and not applied (the provider's defaults: X25519, P-256,
 * P-384).
 */
record TlsSettings(List<String> protocols, List<String> ciphers, List<String> alpn, boolean sniStrict,
    ClientAuth clientAuth, boolean verifyClient, List<X509Certificate> clientCas) {

  static final List<String> TLS13_SUITES =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
  private static final Map<String, String> GO_ALIASES = Map.of(
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
  private static final List<String> JDK_VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  TlsSettings {
    protocols = List.copyOf(protocols);
    ciphers = List.copyOf(ciphers);
    alpn = List.copyOf(alpn);
    clientCas = List.copyOf(clientCas);
  }

  /** Traefik's defaults: TLS 1.2+, HTTP/2 ciphers, h2 and http/1.1, no client certificates. */
  static TlsSettings defaults() {
    return new TlsSettings(List.of("TLSv1.2", "TLSv1.3"), defaultCiphers(), List.of("h2", "http/1.1"), false,
        ClientAuth.NONE, false, List.of());
  }

  /** The settings of {@code options}; a CA file that cannot be read is an {@link IOException} naming it. */
  static TlsSettings of(TlsConfig.Options options) throws IOException {
    int min = versionIndex(options.minVersion().isEmpty() ? TlsConfig.Options.DEFAULT_MIN_VERSION : options.minVersion());
    int max = options.maxVersion().isEmpty() ? JDK_VERSIONS.size() - 1 : versionIndex(options.maxVersion());
    if (max < min) {
      throw new IOException("maxVersion " + options.maxVersion() + " is below minVersion " + options.minVersion());
    }
    List<String> ciphers = options.cipherSuites().isEmpty() ? defaultCiphers() : ianaNames(options.cipherSuites());
    List<String> alpn = options.alpnProtocols().isEmpty() ? List.of("h2", "http/1.1")
        : options.alpnProtocols().stream().filter(p -> !p.equals("acme-tls/1")).toList();
    ClientAuth auth = ClientAuth.NONE;
    boolean verify = false;
    List<X509Certificate> cas = new ArrayList<>();
    if (options.clientAuth().isPresent()) {
      TlsConfig.ClientAuth ca = options.clientAuth().get();
      switch (ca.clientAuthType()) {
        case "RequestClientCert" -> auth = ClientAuth.OPTIONAL;
        case "RequireAnyClientCert" -> auth = ClientAuth.REQUIRE;
        case "VerifyClientCertIfGiven" -> { auth = ClientAuth.OPTIONAL; verify = true; }
        case "RequireAndVerifyClientCert" -> { auth = ClientAuth.REQUIRE; verify = true; }
        case "NoClientCert", "" -> auth = ClientAuth.NONE;
        default -> throw new IOException("clientAuthType " + ca.clientAuthType() + " is unknown; expected one of "
            + String.join(", ", TlsConfig.ClientAuth.TYPES));
      }
      for (String file : ca.caFiles()) {
        try {
          cas.addAll(Pem.certificates(Pem.text(file)));
        } catch (IOException e) {
          throw new IOException("clientAuth.caFiles: cannot read "
              + (file.contains("-----BEGIN") ? "(inline PEM)" : file) + ": " + e, e);
        }
      }
      if (verify && cas.isEmpty()) {
        throw new IOException("clientAuthType " + ca.clientAuthType() + " needs caFiles to verify against");
      }
    }
    return new TlsSettings(JDK_VERSIONS.subList(min, max + 1), ciphers, alpn, options.sniStrict(), auth, verify, cas);
  }

  /** Go's cipher suite names as IANA/JDK names, TLS 1.3 suites added. */
  static List<String> ianaNames(List<String> goNames) {
    List<String> out = new ArrayList<>();
    for (String n : goNames) {
      out.add(GO_ALIASES.getOrDefault(n, n));
    }
    for (String s : TLS13_SUITES) {
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> defaultCiphers() {
    return ianaNames(Http2SecurityUtil.CIPHERS);
  }

  private static int versionIndex(String goVersion) throws IOException {
    int i = TlsConfig.Options.VERSIONS.indexOf(goVersion);
    if (i < 0) {
      throw new IOException("TLS version " + goVersion + " is unknown; expected one of "
          + String.join(", ", TlsConfig.Options.VERSIONS));
    }
    return i;
  }

  /** These settings offering only {@code alpn}. */
  TlsSettings withAlpn(List<String> alpn) {
    return new TlsSettings(protocols, ciphers, alpn, sniStrict, clientAuth, verifyClient, clientCas);
  }

  /** The {@code default} options of {@code tls}, or the defaults. */
  static TlsSettings defaultOf(TlsConfig tls) throws IOException {
    return Optional.ofNullable(tls.options().get("default")).isPresent() ? of(tls.options().get("default")) : defaults();
  }
}
