package io.cairn.gateway.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslServerContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Builds and caches one server {@link SslContext} per (certificate, settings): BoringSSL through
 * netty-tcnative when it loads, the JDK provider otherwise. Session resumption is on in both: a
 * server-side session cache ({@link #SESSION_CACHE_SIZE} sessions, {@link #SESSION_TIMEOUT_SECONDS}
 * s) and, with BoringSSL, session tickets whose keys are random per process and shared by every
 * context (a restart invalidates tickets, like Go's default). OCSP stapling is enabled on BoringSSL
 * contexts so a response can be stapled per handshake.
 *
 * <p>Thread-safe; the cache keeps the {@link #MAX_CONTEXTS} most recently used contexts.
 */
final class Contexts {
  static final int MAX_CONTEXTS = 256;
  static final int SESSION_CACHE_SIZE = 20_480;
  static final int SESSION_TIMEOUT_SECONDS = 300;

  private record Key(CertifiedKey key, TlsSettings settings) {}

  private final SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  private final OpenSslSessionTicketKey[] ticketKeys;
  private final Map<Key, SslContext> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, SslContext> eldest) {
      return size() > MAX_CONTEXTS;
    }
  };

  Contexts() {
    byte[] name = new byte[16];
    byte[] hmac = new byte[16];
    byte[] aes = new byte[16];
    SecureRandom r = new SecureRandom();
    r.nextBytes(name);
    r.nextBytes(hmac);
    r.nextBytes(aes);
    ticketKeys = new OpenSslSessionTicketKey[] {new OpenSslSessionTicketKey(name, hmac, aes)};
  }

  SslProvider provider() {
    return provider;
  }

  boolean ocsp() {
    return provider == SslProvider.OPENSSL && OpenSsl.isOcspSupported();
  }

  /** The cached context, or null. */
  SslContext cached(CertifiedKey key, TlsSettings settings) {
    synchronized (cache) {
      return cache.get(new Key(key, settings));
    }
  }

  /** The context for {@code key} under {@code settings}, built on a miss. */
  SslContext get(CertifiedKey key, TlsSettings settings) throws SSLException {
    SslContext c = cached(key, settings);
    if (c != null) {
      return c;
    }
    c = build(key, settings);
    synchronized (cache) {
      SslContext raced = cache.putIfAbsent(new Key(key, settings), c);
      return raced != null ? raced : c;
    }
  }

  private SslContext build(CertifiedKey key, TlsSettings s) throws SSLException {
    SslContextBuilder b = SslContextBuilder
        .forServer(key.key(), key.chain().toArray(X509Certificate[]::new))
        .sslProvider(provider)
        .protocols(s.protocols().toArray(String[]::new))
        .ciphers(s.ciphers(), SupportedCipherSuiteFilter.INSTANCE)
        .sessionCacheSize(SESSION_CACHE_SIZE)
        .sessionTimeout(SESSION_TIMEOUT_SECONDS)
        .clientAuth(s.clientAuth());
    if (!s.alpn().isEmpty()) {
      b.applicationProtocolConfig(new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          s.alpn()));
    }
    if (s.clientAuth() != io.netty.handler.ssl.ClientAuth.NONE) {
      if (s.verifyClient()) {
        b.trustManager(s.clientCas().toArray(X509Certificate[]::new));
      } else {
        b.trustManager(InsecureTrustManagerFactory.INSTANCE);
      }
    }
    if (ocsp()) {
      b.enableOcsp(true);
    }
    SslContext c = b.build();
    if (c instanceof OpenSslServerContext o) {
      o.sessionContext().setTicketKeys(ticketKeys);
    }
    return c;
  }
}
