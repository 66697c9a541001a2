package io.cairn.gateway.http3;

import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.tls.CertificateSource;
import io.cairn.gateway.tls.CertifiedKey;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The QUIC server TLS context of an HTTP/3 listener (TLS 1.3 only, as QUIC requires; ALPN {@code
 * h3}). Two origins, the same two a TLS entry point has:
 *
 * <ul>
 *   <li>{@link #fromFiles}: one PEM certificate chain and key, today's {@code
 *       EntryPointOptions.TlsFiles};
 *   <li>{@link #fromSource}: per-SNI selection over a {@link CertificateSource} (the seam the tls
 *       package fills with files, the internal CA and ACME). Each handshake asks the source for its
 *       server name; the answer's context is built once per {@link CertifiedKey} and reused, so a
 *       rotated certificate (a new {@code CertifiedKey}) is picked up by the next handshake. When
 *       the source has nothing for the name (or the client sent no SNI), its answer for the empty
 *       name is used; when that is empty too the handshake fails.
 * </ul>
 */
public final class QuicTls {
  /** Contexts built per certificate; bounded by clearing when it grows past this many entries. */
  static final int MAX_CACHED_CONTEXTS = 4096;

  private QuicTls() {}

  /** A context presenting the certificate chain and key of {@code files}. */
  public static QuicSslContext fromFiles(EntryPointOptions.TlsFiles files) {
    Objects.requireNonNull(files, "files");
    try {
      return QuicSslContextBuilder
          .forServer(files.privateKey().toFile(), null, files.certificateChain().toFile())
          .applicationProtocols(Http3.supportedApplicationProtocols())
          .build();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new java.io.IOException(
          "cannot load TLS certificate " + files.certificateChain() + " and key "
              + files.privateKey() + " for HTTP/3: " + e.getMessage(), e));
    }
  }

  /** A context choosing the certificate per server name from {@code source}; see the class doc. */
  public static QuicSslContext fromSource(CertificateSource source) {
    Objects.requireNonNull(source, "source");
    Map<CertifiedKey, QuicSslContext> built = new ConcurrentHashMap<>();
    return QuicSslContextBuilder.buildForServerWithSni(name -> {
      String sni = name == null ? "" : name.toLowerCase(Locale.ROOT);
      if (sni.endsWith(".")) {
        sni = sni.substring(0, sni.length() - 1);
      }
      Optional<CertifiedKey> key = source.certificateFor(sni);
      if (key.isEmpty() && !sni.isEmpty()) {
        key = source.certificateFor("");
      }
      if (key.isEmpty()) {
        return null;
      }
      if (built.size() > MAX_CACHED_CONTEXTS) {
        built.clear();
      }
      return built.computeIfAbsent(key.get(), QuicTls::forKey);
    });
  }

  /** A context presenting one key and chain. */
  static QuicSslContext forKey(CertifiedKey key) {
    return QuicSslContextBuilder
        .forServer(key.key(), null, key.chain().toArray(X509Certificate[]::new))
        .applicationProtocols(Http3.supportedApplicationProtocols())
        .build();
  }
}
