package io.cairn.monitor.scrape;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Prometheus's {@code tls_config} of a scrape. Files are PEM: CA certificates, a client certificate
 * chain and its PKCS#8 private key ({@code BEGIN PRIVATE KEY}; PKCS#1 {@code BEGIN RSA PRIVATE KEY}
 * keys are refused with a message saying so).
 *
 * @param caFile trusted CA certificates; empty = the JDK's default trust store
 * @param certFile client certificate (with {@code keyFile}) for mutual TLS
 * @param keyFile the client certificate's key
 * @param serverName the SNI name sent (Prometheus's {@code server_name}); empty = the URL's host
 * @param insecureSkipVerify accept any server certificate, as {@code insecure_skip_verify}
 */
public record TlsSettings(
    Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile, Optional<String> serverName, boolean insecureSkipVerify) {
  public static final TlsSettings DEFAULT = new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);

  public TlsSettings {
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new IllegalArgumentException("tls_config: cert_file and key_file must be given together, got cert_file="
          + certFile.orElse(null) + " key_file=" + keyFile.orElse(null));
    }
  }
}
