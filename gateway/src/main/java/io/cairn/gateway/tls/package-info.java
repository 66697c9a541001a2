/**
 * TLS for the gateway's entry points: which certificate each handshake gets, where certificates
 * come from, and the HTTP-level pieces of TLS (redirections to https).
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.tls.CertifiedKey}: a key and its chain. {@link
 *       io.cairn.gateway.tls.CertificateSource}: the seam every certificate origin implements.
 *   <li>{@link io.cairn.gateway.tls.GatewayTls}: the entry points' {@code ConnectionTls}; the order
 *       in which sources are asked, the options, reloads ({@code prepare}/{@code install}, swapped
 *       with the routing), {@code certificates()} ({@link io.cairn.gateway.tls.CertInfo}: cn, SANs,
 *       notAfter, origin) for metrics. {@code SniSelector}: Netty's {@code SniHandler} with an async
 *       lookup; {@code Contexts}: one cached {@code SslContext} per (certificate, options).
 *   <li>{@link io.cairn.gateway.tls.FileCertificates}: the dynamic {@code tls.certificates} and the
 *       {@code default} store's {@code defaultCertificate}; {@code Names}: Traefik's SAN matching.
 *   <li>{@link io.cairn.gateway.tls.InternalCa} ({@code Issuer}): Caddy's {@code tls internal}.
 *       {@link io.cairn.gateway.tls.SystemTrust}: {@code cairn gateway trust --install}.
 *   <li>{@code TlsSettings}: Traefik's TLS options mapped to Netty. {@code OcspStapler} ({@code
 *       OcspRequests}): OCSP stapling. {@link io.cairn.gateway.tls.Redirections}: entry point
 *       redirections.
 * </ul>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li><b>TLS and cleartext on one port.</b> As in Traefik, every entry point of {@code cairn
 *       gateway} takes both: the first record tells. Routers with {@code tls} (or on an entry point
 *       with {@code http.tls}) serve TLS requests only, the others cleartext only. A TLS request no
 *       TLS router takes gets 404.
 *   <li><b>Certificate order</b> (see {@link io.cairn.gateway.tls.GatewayTls}): file certificates
 *       (exact, then {@code *.} one label deep, case-insensitive), added sources (ACME), then with
 *       {@code sniStrict} a refused handshake, else the default store certificate, else a leaf from
 *       the internal CA. "HTTPS with no setup": any name works once the root is trusted.
 *   <li><b>No SNI</b> (curl sends none for IP literals): the default certificate when configured,
 *       else an internal leaf for the IP address the client connected to (an IP SAN).
 *   <li><b>Internal CA</b>: root ECDSA P-256 valid 10 years, in {@code
 *       $CAIRN_DATA/gateway/pki} (else {@code ./data/gateway/pki}; {@code cairn gateway --pki-dir}
 *       changes it) as {@code root.crt} and {@code root.key} (0600), created on the first handshake
 *       that needs it (or by {@code cairn gateway trust}). Leaves are signed by the root directly (no
 *       intermediate, unlike Caddy), ECDSA P-256, 7 days, backdated 5 minutes, reissued after 2/3
 *       of their life, at most 1024 names cached. Signing and context building run on one
 *       background thread ({@code gateway-tls}); the handshake waits for it, the event loop does not.
 *   <li><b>Options</b>: {@code tls.options.default} applies to every TLS connection except those
 *       whose SNI is a name of a router with its own {@code tls.options} ({@code
 *       runtime.RouterTlsOptions}: a name claimed with different options stays on the default, as
 *       Traefik; the {@code @provider} suffix is dropped, one store serving all providers). HTTP/3
 *       uses the default options. {@code curvePreferences} is ignored.
 *   <li><b>Session resumption</b>: session cache (20480 sessions, 300 s) and, on BoringSSL, tickets
 *       whose key is random per process, shared by all contexts. TLS 1.2 and 1.3 resume.
 *   <li><b>OCSP stapling</b>: BoringSSL only, for file certificates whose AIA names a responder and
 *       whose chain holds the issuer; fetched in the background, refreshed halfway to nextUpdate.
 *   <li><b>Redirections</b>: every cleartext request on the entry point, before the routers (the
 *       generated router's {@code priority} is not compared); port of the {@code to} entry point as
 *       bound, left out for 443.
 *   <li><b>ACME TLS-ALPN-01 seam</b>: {@code ClientHellos} reads the ClientHello's ALPN list; one
 *       that offers only {@code acme-tls/1} is answered from {@link
 *       io.cairn.gateway.tls.GatewayTls#challenges} alone (refused when it has nothing), with {@code
 *       acme-tls/1} as the only protocol; other handshakes never see challenge certificates and are
 *       not offered {@code acme-tls/1}. After such a handshake the connection speaks HTTP/1.1 (the
 *       validator closes it).
 * </ul>
 */
package io.cairn.gateway.tls;
