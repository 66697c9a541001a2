package io.cairn.kv.server;

import java.net.InetAddress;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * etcd's {@code --peer-cert-allowed-cn}, {@code --peer-cert-allowed-hostname} and {@code
 * --client-cert-allowed-hostname}: the certificate a side shows (already trusted) must have exactly
 * the common name {@code cn}, or must be valid for {@code hostname} as Go's {@code VerifyHostname}
 * decides: an IP address against the IP subject alternative names, a name against the DNS ones
 * (case-insensitive, a trailing dot ignored, {@code *.} matching one leftmost label); the common name
 * is not a hostname, as in Go since 1.15. Refused with etcd's {@code client certificate
 * authentication failed}.
 *
 * @param cn the exact common name required; empty when the hostname is checked
 * @param hostname the name or address the certificate must be valid for; empty when the CN is checked
 */
record AllowedName(String cn, String hostname) implements ChainCheck {
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  /** The check for the given flags (empty: not given), or null when neither is; both is an error. */
  static AllowedName of(String cn, String hostname) {
    if (!cn.isEmpty() && !hostname.isEmpty()) {
      throw new IllegalArgumentException(
          "AllowedCN and AllowedHostname are mutually exclusive (cn=\"" + cn + "\", hostname=\"" + hostname + "\")");
    }
    return cn.isEmpty() && hostname.isEmpty() ? null : new AllowedName(cn, hostname);
  }

  @Override
  public void check(X509Certificate[] chain) throws CertificateException {
    if (chain.length == 0 || !allows(chain[0])) {
      throw new CertificateException("client certificate authentication failed");
    }
  }

  boolean allows(X509Certificate cert) {
    if (!cn.isEmpty()) {
      return cn.equals(commonName(cert));
    }
    return validFor(cert, hostname);
  }

  private static String commonName(X509Certificate cert) {
    try {
      for (var rdn : new javax.naming.ldap.LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      return null;
    }
    return null;
  }

  static boolean validFor(X509Certificate cert, String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<List<?>> sans;
    try {
      var all = cert.getSubjectAlternativeNames();
      sans = all == null ? List.of() : List.copyOf(all);
    } catch (CertificateParsingException e) {
      return false;
    }
    byte[] ip = ipLiteral(h);
    for (List<?> san : sans) {
      int type = (Integer) san.get(0);
      String value = (String) san.get(1);
      if (ip != null && type == SAN_IP && java.util.Arrays.equals(ip, ipLiteral(value))) {
        return true;
      }
      if (ip == null && type == SAN_DNS && matches(value, h)) {
        return true;
      }
    }
    return false;
  }

  /** The address of an IP literal, or null for a name (no lookup is made). */
  private static byte[] ipLiteral(String s) {
    boolean v4 = s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    if (!v4 && !s.contains(":")) {
      return null;
    }
    try {
      return InetAddress.ofLiteral(s).getAddress();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean matches(String pattern, String host) {
    String p = trimDot(pattern.toLowerCase(Locale.ROOT));
    String h = trimDot(host.toLowerCase(Locale.ROOT));
    if (p.isEmpty() || h.isEmpty()) {
      return false;
    }
    String[] pl = p.split("\\.", -1);
    String[] hl = h.split("\\.", -1);
    if (pl.length != hl.length) {
      return false;
    }
    for (int i = 0; i < pl.length; i++) {
      if (!(i == 0 && pl[i].equals("*")) && !pl[i].equals(hl[i])) {
        return false;
      }
    }
    return true;
  }

  private static String trimDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
