/**
 * ACME certificate resolvers ({@code certificatesResolvers.NAME.acme}, as Traefik): certificates
 * obtained from an ACME CA (Let's Encrypt by default) with acme4j, stored, renewed and presented
 * through {@link io.cairn.gateway.tls.CertificateSource}.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.acme.AcmeResolver}: one per configured resolver; {@code
 *       ensure(domains)} (idempotent, asynchronous) and {@code certificateFor(serverName)}
 *       (non-blocking: exact name, then the {@code *.parent} wildcard; expired certificates are not
 *       presented). {@link io.cairn.gateway.acme.RouterDomains} computes the lists to ensure from
 *       the routers, as Traefik ({@code tls.domains}, else the rule's {@code Host} names).
 *   <li>{@link io.cairn.gateway.acme.Issuer}: the acme4j conversation (account, order, challenge,
 *       CSR, chain); {@link io.cairn.gateway.acme.CaSessions} gives acme4j a custom trust for
 *       private CAs through a provider's {@code HttpClient}, never through JVM-wide properties.
 *   <li>Challenge responders, separately usable and shareable by all resolvers: {@link
 *       io.cairn.gateway.acme.HttpChallenges} (HTTP-01) and {@link
 *       io.cairn.gateway.acme.TlsAlpnChallenges} (TLS-ALPN-01); their javadoc says how the server
 *       must call them. {@link io.cairn.gateway.acme.ValidationCertificates} builds the RFC 8737
 *       certificates (EC P-256; acme4j's helper is RSA-only).
 *   <li>{@link io.cairn.gateway.acme.AcmeStorage} with {@link
 *       io.cairn.gateway.acme.JsonFileStorage}: Traefik's {@code acme.json} layout (one file, a
 *       section per resolver), 0600, atomic replace (temp file, fsync, rename, directory fsync),
 *       refused when group or others may read it, as Traefik. A kv-backed storage can implement
 *       the same five methods.
 *   <li>{@link io.cairn.gateway.acme.RenewalScheduler}: one pending check per domain list, issuing
 *       or renewing when due; {@link io.cairn.gateway.acme.RenewalPolicy}, {@link
 *       io.cairn.gateway.acme.Backoff}, {@link io.cairn.gateway.acme.AcmeOptions}: when to renew
 *       and retry.
 * </ul>
 *
 * <h2>Decisions and defaults</h2>
 *
 * <ul>
 *   <li>Account key: EC P-256, created once, stored before it is registered (terms of service
 *       agreed); on restart the stored account URL is used without contacting the CA; an account
 *       URL at another CA than {@code caServer} is registered again with the same key.
 *   <li>Certificate keys: Traefik's {@code keyType} (default {@code RSA4096}; {@code EC256},
 *       {@code EC384}, {@code RSA2048}, {@code RSA8192}); a new key per issuance.
 *   <li>Challenge per authorization: HTTP-01 when {@code httpChallenge} is set, else TLS-ALPN-01
 *       when {@code tlsChallenge} is on. DNS-01 (and so wildcard names) is not supported; such an
 *       order fails with a message saying so. A resolver with neither challenge is refused.
 *   <li>Renewal: within 30 days of expiry or past 2/3 of the lifetime, whichever first; the 30-day
 *       window is ignored when it opens in the first half of the lifetime (short-lived
 *       certificates would otherwise renew in a loop). Scheduler sleeps at most 12 hours between
 *       looks. The old certificate is presented until the new one is stored.
 *   <li>Failures (CA down, problem documents, malformed answers, failed validations, storage
 *       errors) are logged at WARN and retried after 1 minute, doubling up to 6 hours; a failed
 *       validation is retried with a new order. Nothing is thrown to {@code ensure}'s callers
 *       except for invalid arguments.
 *   <li>Timeouts: 2 minutes for CA requests and for a challenge or order to complete.
 *   <li>Threads: one daemon timer thread per resolver; CA conversations on virtual threads.
 *   <li>acme4j needs the BouncyCastle provider by name; it is appended to the JVM's provider list
 *       once (lowest priority, so nothing else changes which implementation it gets).
 * </ul>
 *
 * <h2>Wiring</h2>
 *
 * {@code io.cairn.gateway.runtime.AcmeCertificates} builds one resolver per {@code
 * certificatesResolvers} entry at start-up, adds it to the gateway's TLS as a certificate source,
 * answers HTTP-01 on each {@code httpChallenge.entryPoint} before routing and redirections, lets
 * the TLS layer answer TLS-ALPN-01, and ensures every router's domains after each applied
 * configuration. {@link io.cairn.gateway.acme.CaTrust} turns {@code caCertificates} and {@code
 * caSystemCertPool} (or lego's {@code LEGO_CA_CERTIFICATES}) into the CA server's trust.
 *
 * <p>Storage shared by several gateway nodes: {@code io.cairn.gateway.provider.kv.KvAcmeStorage}
 * keeps the same section in kv and implements {@link io.cairn.gateway.acme.AcmeStorage#exclusively}
 * with a kv lock; a resolver looks for a fresh stored certificate under that lock before it orders,
 * so what another node ordered is served instead of ordered again.
 *
 * <p>Not done: {@code dnsChallenge}, {@code eab}, {@code caServerName}, challenges shared between
 * nodes,
 * {@code certificatesDuration} (the lifetime is read from the certificate), ARI renewal info,
 * revocation, on-demand issuance for unknown SNI names (Caddy), cluster-wide locking.
 */
package io.cairn.gateway.acme;
