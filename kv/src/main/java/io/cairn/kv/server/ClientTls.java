package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * TLS on kv's {@code https://} client URLs, from etcd's {@code --cert-file}, {@code --key-file},
 * {@code --trusted-ca-file} and {@code --client-cert-auth}. Empty strings mean "not given".
 *
 * <p>ALPN: the server prefers {@code http/1.1} and also offers {@code h2}. gRPC clients (etcdctl,
 * jetcd) offer only {@code h2} and get it; curl offers both and gets HTTP/1.1, which the JSON gateway
 * speaks. Either way {@link io.cairn.kv.gateway.PortSharing} tells the two apart by the first bytes
 * after the handshake, so a client without ALPN works too.
 *
 * <p>Client certificates, as etcd's {@code TLSInfo.ServerConfig}: with {@code clientCertAuth} or a
 * {@code trustedCaFile} a client must present one that chains to {@code trustedCaFile} (the JDK's
 * default trust store when that is empty, as etcd falls back to the system roots); with neither no
 * certificate is asked for. Only {@code clientCertAuth} turns on the certificate (CN) login.
 */
record ClientTls(String certFile, String keyFile, String trustedCaFile, boolean clientCertAuth) {

  /** Whether a certificate and key were given, so that https:// URLs can be served. */
  boolean serves() {
    return !certFile.isEmpty() && !keyFile.isEmpty();
  }

  /**
   * The server-side context; files are read now.
   *
   * @throws ConfigException naming the flag whose file is missing, unreadable or not what it must be
   */
  SslContext serverContext() {
    readable("--cert-file", certFile);
    readable("--key-file", keyFile);
    List<X509Certificate> chain = PemFiles.certificates(certFile, "flag --cert-file");
    SslContextBuilder b =
        SslContextBuilder.forServer(PemFiles.privateKey(keyFile, "flag --key-file"), chain.toArray(X509Certificate[]::new));
    if (requiresClientCertificates()) {
      b.clientAuth(ClientAuth.REQUIRE);
      if (!trustedCaFile.isEmpty()) {
        readable("--trusted-ca-file", trustedCaFile);
        b.trustManager(PemFiles.certificates(trustedCaFile, "flag --trusted-ca-file").toArray(X509Certificate[]::new));
      }
    }
    b.applicationProtocolConfig(
        new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_1_1,
            ApplicationProtocolNames.HTTP_2));
    try {
      return b.build();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "flag --cert-file: cannot set up TLS from --cert-file '" + certFile + "', --key-file '" + keyFile
              + "' and --trusted-ca-file '" + trustedCaFile + "': " + rootMessage(e));
    }
  }

  /** etcd's rule: a CA file given, or --client-cert-auth, and clients must show a trusted certificate. */
  boolean requiresClientCertificates() {
    return clientCertAuth || !trustedCaFile.isEmpty();
  }

  private static void readable(String flag, String path) {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new ConfigException("flag " + flag + ": expected a readable PEM file, got '" + path + "'");
    }
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
