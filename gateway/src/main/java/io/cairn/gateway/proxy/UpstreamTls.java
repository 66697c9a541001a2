package io.cairn.gateway.proxy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS towards {@code https://} upstreams: one client context per {@link UpstreamTransport}
 * (cached), ALPN offering h2 then http/1.1 (http/1.1 only with {@code disableHttp2}), SNI and
 * hostname verification against {@code serverName} or the URL's host (none with {@code
 * insecureSkipVerify}), client certificates for servers that ask ({@code certificates}). Thread-safe.
 */
final class UpstreamTls {
  private final Map<UpstreamTransport, SslContext> contexts = new ConcurrentHashMap<>();

  /** A new handler for one connection; throws IllegalArgumentException on unreadable rootCAs. */
  SslHandler newHandler(ByteBufAllocator alloc, Endpoint endpoint) {
    UpstreamTransport t = endpoint.transport();
    String name = t.serverName().isEmpty() ? endpoint.host() : t.serverName();
    SslHandler handler = contexts.computeIfAbsent(t, UpstreamTls::context)
        .newHandler(alloc, name, endpoint.port());
    if (!t.insecureSkipVerify()) {
      SSLEngine engine = handler.engine();
      SSLParameters p = engine.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(p);
    }
    return handler;
  }

  private static SslContext context(UpstreamTransport t) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (t.insecureSkipVerify()) {
        b.trustManager(InsecureTrustManagerFactory.INSTANCE);
      } else if (!t.rootCAs().isEmpty()) {
        b.trustManager(certificates(t.rootCAs()));
      }
      if (!t.certificates().isEmpty()) {
        b.keyManager(keyManagers(t.certificates()));
      }
      List<String> protocols = t.disableHttp2()
          ? List.of(ApplicationProtocolNames.HTTP_1_1)
          : List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);
      b.applicationProtocolConfig(new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols));
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key manager over the client certificates; IllegalArgumentException when one cannot be read. */
  private static javax.net.ssl.KeyManagerFactory keyManagers(List<UpstreamTransport.ClientCertificate> certificates) {
    try {
      java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (UpstreamTransport.ClientCertificate c : certificates) {
        io.cairn.gateway.tls.CertifiedKey key;
        try {
          key = io.cairn.gateway.tls.CertifiedKey.read(c.certFile(), c.keyFile());
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("client certificate " + c.certFile() + " with key " + c.keyFile()
              + " cannot be read: " + e.getMessage() + "; expected PEM certificates and a PEM private key", e);
        }
        store.setKeyEntry("client-" + i++, key.key(), new char[0], key.chain().toArray(new X509Certificate[0]));
      }
      javax.net.ssl.KeyManagerFactory kmf =
          javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, new char[0]);
      return kmf;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("client certificates cannot be loaded: " + e.getMessage(), e);
    }
  }

  private static X509Certificate[] certificates(List<String> rootCAs) {
    List<X509Certificate> out = new ArrayList<>();
    for (String ca : rootCAs) {
      byte[] pem;
      try {
        pem = ca.strip().startsWith("-----BEGIN")
            ? ca.getBytes(StandardCharsets.US_ASCII) : Files.readAllBytes(Path.of(ca));
      } catch (IOException e) {
        throw new IllegalArgumentException("rootCAs entry " + ca + " cannot be read: " + e
            + "; expected a PEM file path or PEM text", e);
      }
      try (InputStream in = new ByteArrayInputStream(pem)) {
        CertificateFactory.getInstance("X.509").generateCertificates(in)
            .forEach(c -> out.add((X509Certificate) c));
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException("rootCAs entry " + ca + " is not PEM certificates: "
            + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("rootCAs hold no certificate; expected PEM certificates");
    }
    return out.toArray(X509Certificate[]::new);
  }
}
