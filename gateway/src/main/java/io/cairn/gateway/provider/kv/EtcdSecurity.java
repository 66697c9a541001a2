package io.cairn.gateway.provider.kv;

import io.cairn.gateway.config.StaticConfig;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * How the provider authenticates to etcd: user name and password (etcd's {@code Authenticate},
 * empty user name: none) and client TLS (Traefik's {@code tls.ca}, {@code tls.cert}, {@code
 * tls.key}, {@code tls.insecureSkipVerify}); without TLS the connection is plaintext. The TLS
 * context is built once, so a missing or unreadable file fails at start with the file named.
 * Immutable.
 */
record EtcdSecurity(String username, String password, Optional<SslContext> tls) {
  EtcdSecurity {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
  }

  static EtcdSecurity of(StaticConfig.EtcdProvider config) {
    return new EtcdSecurity(config.username(), config.password(), config.tls().map(EtcdSecurity::context));
  }

  private static SslContext context(StaticConfig.ClientTls t) {
    try {
      SslContextBuilder b = GrpcSslContexts.forClient();
      if (t.insecureSkipVerify()) {
        b.trustManager(InsecureTrustManagerFactory.INSTANCE);
      } else if (!t.ca().isEmpty()) {
        b.trustManager(new File(t.ca()));
      }
      if (!t.cert().isEmpty()) {
        b.keyManager(new File(t.cert()), new File(t.key()));
      }
      return b.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("providers.etcd.tls: cannot use ca \"" + t.ca() + "\", cert \"" + t.cert()
          + "\", key \"" + t.key() + "\": " + e.getMessage(), e);
    }
  }

  NettyChannelBuilder channel(NettyChannelBuilder builder) {
    return tls.isPresent() ? builder.sslContext(tls.get()) : builder.usePlaintext();
  }
}
