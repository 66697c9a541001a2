package io.cairn.kv.api;

import io.grpc.Attributes;
import io.grpc.Grpc;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The user a client certificate names: its subject's CN, as etcd's {@code AuthInfoFromTLS}. */
final class CertificateUser {
  private CertificateUser() {}

  /**
   * The CN of the verified client certificate of the call's TLS connection; null when the connection
   * is not TLS, the client sent no certificate, or its subject has no CN (or an empty one). When the
   * subject has several CNs, the last one in the certificate's encoding is taken, as Go's
   * {@code pkix.Name.CommonName} does.
   */
  static String commonName(Attributes transport) {
    SSLSession session = transport.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return null;
    }
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
      return null;
    }
    return commonName(leaf.getSubjectX500Principal().getName());
  }

  /** The CN of an RFC 2253 distinguished name; null when it has none. */
  static String commonName(String rfc2253) {
    try {
      String cn = null;
      // LdapName lists RDNs in the certificate's encoding order (the reverse of the string's)
      for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          cn = rdn.getValue().toString();
        }
      }
      return cn == null || cn.isEmpty() ? null : cn;
    } catch (InvalidNameException e) {
      return null;
    }
  }
}
