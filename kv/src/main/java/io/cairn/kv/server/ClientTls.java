package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS on kv's {@code https://} client URLs, from etcd's {@code --cert-file}, {@code --key-file},
 * {@code --trusted-ca-file} and {@code --client-cert-auth}. Empty strings mean "not given".
 *
 * <p>ALPN: the server prefers {@code http/1.1} and also offers {@code h2}. gRPC clients (etcdctl,
 * jetcd) offer only {@code h2} and get it; curl offers both and gets HTTP/1.1, which the JSON gateway
 * speaks. Either way {@link io.cairn.kv.gateway.PortSharing} tells the two apart by the first bytes
 * after the handshake, so a client without ALPN works too.
 *
 * <p>Client certificates: with {@code clientCertAuth} a client must present one that chains to
 * {@code trustedCaFile} (the JDK's default trust store when that is empty, as etcd falls back to the
 * system roots); without it no certificate is asked for.
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
    File cert = readable("--cert-file", certFile);
    File key = readable("--key-file", keyFile);
    SslContextBuilder b;
    try {
      b = SslContextBuilder.forServer(cert, key);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "flag --key-file: cannot read '" + certFile + "' and '" + keyFile + "' as a PEM certificate and"
              + " its private key: " + rootMessage(e));
    }
    if (clientCertAuth) {
      b.clientAuth(ClientAuth.REQUIRE);
      if (!trustedCaFile.isEmpty()) {
        b.trustManager(readable("--trusted-ca-file", trustedCaFile));
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

  private static File readable(String flag, String path) {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new ConfigException("flag " + flag + ": expected a readable PEM file, got '" + path + "'");
    }
    return p.toFile();
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
