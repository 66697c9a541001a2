package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
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
 *
 * <p>{@code --auto-tls} ({@code auto}), as etcd's {@code ClientSelfCert}: when no certificate and key
 * are given, {@link #resolve} replaces these settings by a {@link SelfSignedCert} alone (keeping
 * {@code auto}, so that calls to other members trust it), without client certificates (a CA file and {@code --client-cert-auth} are dropped with it, as etcd replaces
 * its whole {@code TLSInfo}); when they are given, {@code auto} is ignored with etcd's warning.
 */
record ClientTls(String certFile, String keyFile, String trustedCaFile, boolean clientCertAuth, boolean auto) {

  ClientTls(String certFile, String keyFile, String trustedCaFile, boolean clientCertAuth) {
    this(certFile, keyFile, trustedCaFile, clientCertAuth, false);
  }

  /** Whether https:// URLs can be served: a certificate and key given, or {@code --auto-tls}. */
  boolean serves() {
    return hasFiles() || auto;
  }

  private boolean hasFiles() {
    return !certFile.isEmpty() && !keyFile.isEmpty();
  }

  /**
   * These settings with {@code --auto-tls} carried out: the self-signed pair in {@code fixtures}
   * (made now if missing) for the listen hosts {@code hosts}; unchanged without {@code auto}.
   */
  ClientTls resolve(Path fixtures, List<String> hosts, long validityYears) {
    if (!auto) {
      return this;
    }
    SelfSignedCert.Pair pair = SelfSignedCert.forAutoTls(SelfSignedCert.Side.CLIENT, hasFiles(), fixtures, hosts, validityYears);
    return pair == null
        ? new ClientTls(certFile, keyFile, trustedCaFile, clientCertAuth, false)
        : new ClientTls(pair.certFile().toString(), pair.keyFile().toString(), "", false, true);
  }

  /**
   * The TLS of this member's calls to the leader's https:// client URL (lease keep-alive and
   * time-to-live, {@link io.cairn.kv.api.LeaderForwarder}); etcd sends those over its peer
   * connection instead. This member shows its own certificate as a client certificate, and trusts
   * {@code --trusted-ca-file}, else {@code peerTrustedCaFile} (members' certificates usually share a
   * CA), else the JDK's defaults; with {@code --auto-tls} it trusts any certificate, as nobody can
   * verify the self-signed ones; over TLS 1.2 it offers only {@code cipherSuites} (etcd's names; empty: the
   * JDK's defaults). Call after {@link #resolve}.
   */
  SslContext forwardingContext(String peerTrustedCaFile, List<String> cipherSuites) {
    SslContextBuilder b =
        GrpcSslContexts.forClient()
            .keyManager(
                PemFiles.privateKey(keyFile, "flag --key-file"),
                PemFiles.certificates(certFile, "flag --cert-file").toArray(X509Certificate[]::new));
    if (auto) {
      b.trustManager(TrustAnyPeer.INSTANCE);
    } else if (!trustedCaFile.isEmpty()) {
      b.trustManager(PemFiles.certificates(trustedCaFile, "flag --trusted-ca-file").toArray(X509Certificate[]::new));
    } else if (!peerTrustedCaFile.isEmpty()) {
      b.trustManager(PemFiles.certificates(peerTrustedCaFile, "flag --peer-trusted-ca-file").toArray(X509Certificate[]::new));
    }
    if (!cipherSuites.isEmpty()) {
      b.ciphers(CipherSuites.jdkNames(cipherSuites), SupportedCipherSuiteFilter.INSTANCE);
    }
    try {
      return b.build();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("flag --cert-file: cannot set up TLS towards the leader: " + rootMessage(e));
    }
  }

  /**
   * The server-side context with the JDK's cipher suites and no revocation list; files are read now.
   *
   * @throws ConfigException naming the flag whose file is missing, unreadable or not what it must be
   */
  SslContext serverContext() {
    return serverContext(List.of(), null);
  }

  /**
   * The server-side context; files are read now. {@code cipherSuites} (etcd's names, {@link
   * CipherSuites}) restricts TLS 1.2, empty for the JDK's defaults; a client certificate must also
   * pass {@code clientChecks} ({@code --client-crl-file}, {@code --client-cert-allowed-hostname};
   * null for none).
   *
   * @throws ConfigException naming the flag whose file is missing, unreadable or not what it must be
   */
  SslContext serverContext(List<String> cipherSuites, ChainCheck clientChecks) {
    readable("--cert-file", certFile);
    readable("--key-file", keyFile);
    List<X509Certificate> chain = PemFiles.certificates(certFile, "flag --cert-file");
    SslContextBuilder b =
        SslContextBuilder.forServer(PemFiles.privateKey(keyFile, "flag --key-file"), chain.toArray(X509Certificate[]::new));
    if (requiresClientCertificates()) {
      b.clientAuth(ClientAuth.REQUIRE);
      if (!trustedCaFile.isEmpty()) {
        readable("--trusted-ca-file", trustedCaFile);
      }
      if (!trustedCaFile.isEmpty() || clientChecks != null) {
        b.trustManager(TrustStores.of(trustedCaFile, "--trusted-ca-file", clientChecks, null));
      }
    }
    if (!cipherSuites.isEmpty()) {
      b.ciphers(CipherSuites.jdkNames(cipherSuites), SupportedCipherSuiteFilter.INSTANCE);
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
