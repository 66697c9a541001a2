package io.cairn.gateway.tls;

import java.util.Optional;

/**
 * Something that can present a certificate for a TLS server name (SNI): certificates from files,
 * the internal CA, an ACME resolver.
 *
 * <p>Contract: called on a Netty event loop during the handshake, concurrently; must be
 * thread-safe and must not block (a source that needs I/O, such as issuing, answers empty and
 * starts the work in the background, or keeps its answers in memory). {@code serverName} is
 * lower-case ASCII (an IDN already in its {@code xn--} form) without a trailing dot, or empty when
 * the client sent no SNI. Empty means "not mine": the caller tries the next source.
 */
@FunctionalInterface
public interface CertificateSource {

  /** The certificate to present for {@code serverName}, or empty when this source has none. */
  Optional<CertifiedKey> certificateFor(String serverName);
}
