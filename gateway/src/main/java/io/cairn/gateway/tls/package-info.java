/**
 * TLS for the gateway's entry points: which certificate each handshake gets, and where
 * certificates come from.
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.tls.CertifiedKey}: a key and its chain.
 *   <li>{@link io.cairn.gateway.tls.CertificateSource}: the seam every certificate origin implements
 *       (files from the dynamic {@code tls} section, the internal CA, ACME resolvers).
 * </ul>
 */
package io.cairn.gateway.tls;
