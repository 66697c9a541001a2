package io.cairn.gateway.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a certificate answers for, and Traefik's SNI matching: a name matches a certificate
 * name exactly (case-insensitive), or a {@code *.example.com} name when it has exactly one more
 * label ({@code a.example.com}, not {@code example.com} nor {@code a.b.example.com}).
 */
final class Names {
  private static final int DNS = 2;
  private static final int IP = 7;

  private Names() {}

  /** DNS and IP subject alternative names, lower-case; the subject CN when there are none. */
  static List<String> of(X509Certificate cert) {
    Set<String> out = new LinkedHashSet<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          int type = (Integer) san.get(0);
          if (type == DNS || type == IP) {
            out.add(san.get(1).toString().toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // unreadable SAN extension: fall back to the CN
    }
    if (out.isEmpty()) {
      String cn = commonName(cert);
      if (!cn.isEmpty()) {
        out.add(cn.toLowerCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(out);
  }

  /** The subject's CN, or empty. */
  static String commonName(X509Certificate cert) {
    try {
      for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return "";
    }
    return "";
  }

  /** The wildcard name that would cover {@code serverName} ({@code *.b.c} for {@code a.b.c}), or empty. */
  static String wildcardFor(String serverName) {
    int dot = serverName.indexOf('.');
    return dot <= 0 || dot == serverName.length() - 1 ? "" : "*" + serverName.substring(dot);
  }

  /** Whether {@code pattern} (a certificate name) covers {@code serverName}. */
  static boolean matches(String pattern, String serverName) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String n = serverName.toLowerCase(Locale.ROOT);
    return p.equals(n) || (p.startsWith("*.") && p.equals(wildcardFor(n)));
  }

  /** {@code name} lower-cased without a trailing dot, as a {@link CertificateSource} receives it. */
  static String normalize(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
