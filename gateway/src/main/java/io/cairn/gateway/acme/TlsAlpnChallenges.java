package io.cairn.gateway.acme;

import io.cairn.gateway.tls.CertifiedKey;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TLS-ALPN-01 responder (RFC 8737): the self-signed validation certificates of the challenges
 * in flight, by domain.
 *
 * <p>How the server side uses it: on a TLS entry point (Traefik uses the one on port 443), when the
 * ClientHello offers the ALPN protocol {@link #ALPN_PROTOCOL} ({@code acme-tls/1}), select that
 * protocol, present {@link #challengeCertificate(String)} for the SNI name (when empty, fail the
 * handshake: the CA then reports the challenge as failed), and close the connection after the
 * handshake without reading application data. A ClientHello that does not offer {@code acme-tls/1}
 * must never get a validation certificate, and one that does must never get a regular certificate.
 *
 * <p>Thread-safe and non-blocking (a concurrent map read), so it may be called on an event loop
 * during the handshake. One instance may be shared by every resolver of the gateway.
 */
public final class TlsAlpnChallenges {

  /** The ALPN protocol name a CA offers when it validates a TLS-ALPN-01 challenge. */
  public static final String ALPN_PROTOCOL = "acme-tls/1";

  /** The {@code id-pe-acmeIdentifier} extension the validation certificate carries, critical. */
  public static final String ACME_IDENTIFIER_OID = "1.3.6.1.5.5.7.1.31";

  private final ConcurrentHashMap<String, CertifiedKey> byDomain = new ConcurrentHashMap<>();

  /**
   * The validation certificate for {@code serverName} (the SNI, case-insensitive), or empty when no
   * TLS-ALPN-01 challenge for that name is live.
   */
  public Optional<CertifiedKey> challengeCertificate(String serverName) {
    Objects.requireNonNull(serverName, "serverName");
    return Optional.ofNullable(byDomain.get(serverName.toLowerCase(Locale.ROOT)));
  }

  /** Whether any challenge is live. */
  public boolean isEmpty() {
    return byDomain.isEmpty();
  }

  void publish(String domain, CertifiedKey certificate) {
    byDomain.put(domain.toLowerCase(Locale.ROOT), Objects.requireNonNull(certificate));
  }

  void withdraw(String domain) {
    byDomain.remove(domain.toLowerCase(Locale.ROOT));
  }
}
