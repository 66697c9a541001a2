package io.cairn.gateway.acme;

import io.cairn.gateway.tls.CertifiedKey;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/** A JDK key manager that picks the certificate by SNI from a lookup; the alias is the name. */
final class SniKeyManager extends X509ExtendedKeyManager {
  private final Function<String, Optional<CertifiedKey>> lookup;

  SniKeyManager(Function<String, Optional<CertifiedKey>> lookup) {
    this.lookup = lookup;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    if (!(((SSLSocket) socket).getHandshakeSession() instanceof ExtendedSSLSession session)) {
      return null;
    }
    for (var name : session.getRequestedServerNames()) {
      if (name instanceof SNIHostName host && lookup.apply(host.getAsciiName()).isPresent()) {
        return host.getAsciiName();
      }
    }
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return lookup.apply(alias).map(ck -> ck.chain().toArray(X509Certificate[]::new)).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return lookup.apply(alias).map(CertifiedKey::key).orElse(null);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
