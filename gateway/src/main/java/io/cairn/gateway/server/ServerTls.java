package io.cairn.gateway.server;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLException;

/**
 * Builds the server {@link SslContext} from PEM files: BoringSSL through netty-tcnative when it
 * loads (faster handshakes, ALPN everywhere), the JDK provider otherwise; ALPN offers h2 then
 * http/1.1; ciphers restricted to the HTTP/2-acceptable list (RFC 7540 9.2.2).
 */
final class ServerTls {
  private ServerTls() {}

  static SslProvider provider() {
    return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  static SslContext context(EntryPointOptions.TlsFiles files) {
    try {
      return SslContextBuilder
          .forServer(files.certificateChain().toFile(), files.privateKey().toFile())
          .sslProvider(provider())
          .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
          .applicationProtocolConfig(new ApplicationProtocolConfig(
              ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
              ApplicationProtocolNames.HTTP_2,
              ApplicationProtocolNames.HTTP_1_1))
          .build();
    } catch (SSLException e) {
      throw new UncheckedIOException(new IOException(
          "cannot load TLS certificate " + files.certificateChain() + " and key "
              + files.privateKey() + ": " + e.getMessage(), e));
    }
  }
}
