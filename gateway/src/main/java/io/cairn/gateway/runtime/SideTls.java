package io.cairn.gateway.runtime;

import io.cairn.gateway.config.Middleware.ClientTls;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLParameters;

/**
 * Client TLS for the gateway's side calls ({@code forwardAuth} to an {@code https} server): one
 * cached context per {@link ClientTls} (its {@code ca}, {@code cert} and {@code key} are file paths
 * or PEM text, as Traefik takes them). Thread-safe.
 */
final class SideTls {
  private final Map<ClientTls, SslContext> contexts = new ConcurrentHashMap<>();

  /**
   * The context for {@code tls}, built on first use.
   *
   * @throws UncheckedIOException when a file cannot be read or holds no usable PEM; the message
   *     names it
   */
  SslContext get(ClientTls tls) {
    return contexts.computeIfAbsent(tls, SideTls::build);
  }

  static SslHandler handler(SslContext context, ByteBufAllocator alloc, String host, int port, boolean insecure) {
    SslHandler h = context.newHandler(alloc, host, port);
    if (!insecure) {
      SSLParameters p = h.engine().getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      h.engine().setSSLParameters(p);
    }
    return h;
  }

  private static SslContext build(ClientTls tls) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (tls.insecureSkipVerify()) {
        b.trustManager(InsecureTrustManagerFactory.INSTANCE);
      } else if (!tls.ca().isEmpty()) {
        b.trustManager(new ByteArrayInputStream(pem(tls.ca(), "tls.ca")));
      }
      if (!tls.cert().isEmpty() || !tls.key().isEmpty()) {
        b.keyManager(new ByteArrayInputStream(pem(tls.cert(), "tls.cert")), new ByteArrayInputStream(pem(tls.key(), "tls.key")));
      }
      return b.build();
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("forwardAuth tls: " + e.getMessage(), e));
    }
  }

  private static byte[] pem(String fileOrPem, String what) throws IOException {
    if (fileOrPem.contains("-----BEGIN")) {
      return fileOrPem.getBytes(StandardCharsets.US_ASCII);
    }
    try {
      return Files.readAllBytes(Path.of(fileOrPem));
    } catch (IOException e) {
      throw new IOException(what + ": cannot read " + fileOrPem + ": " + e.getMessage(), e);
    }
  }
}
