package io.cairn.gateway.tls;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate the gateway can present, for metrics ({@code traefik_tls_certs_not_after}) and the
 * API.
 *
 * @param cn the leaf's subject common name, or empty
 * @param sans the leaf's DNS and IP subject alternative names, lower-case
 * @param notAfter when the leaf expires
 * @param origin where it comes from: {@code file} (the dynamic {@code tls} section), {@code
 *     default} (a store's default certificate) or {@code internal} (issued by the internal CA)
 * @param serial the leaf's serial number in decimal, as Traefik's {@code serial} label (Go's {@code
 *     big.Int.String()}); empty when unknown
 */
public record CertInfo(String cn, List<String> sans, Instant notAfter, String origin, String serial) {
  /** Without a serial number. */
  public CertInfo(String cn, List<String> sans, Instant notAfter, String origin) {
    this(cn, sans, notAfter, origin, "");
  }

  public CertInfo {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(cn, "cn");
    sans = List.copyOf(sans);
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(origin, "origin");
  }

  /** The facts of {@code key}'s leaf; {@code origin} says where it came from. */
  public static CertInfo of(CertifiedKey key, String origin) {
    return new CertInfo(Names.commonName(key.leaf()), Names.of(key.leaf()), key.notAfter(), origin,
        key.leaf().getSerialNumber().toString());
  }
}
