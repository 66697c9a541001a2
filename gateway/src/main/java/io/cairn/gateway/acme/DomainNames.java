package io.cairn.gateway.acme;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Domain names as the resolver keeps them: ASCII (punycode), lower case, no trailing dot. */
final class DomainNames {
  private static final Pattern LABELS =
      Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private DomainNames() {}

  /**
   * The names normalized, duplicates dropped, order kept (the first is the certificate's main
   * domain).
   *
   * @throws IllegalArgumentException when the list is empty or a name is not a DNS name
   */
  static List<String> normalize(List<String> domains) {
    Objects.requireNonNull(domains, "domains");
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("no domains given; expected at least one DNS name");
    }
    var out = new LinkedHashSet<String>();
    for (String d : domains) {
      out.add(normalize(d));
    }
    return List.copyOf(new ArrayList<>(out));
  }

  static String normalize(String domain) {
    Objects.requireNonNull(domain, "domain");
    String d = domain.strip();
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    String ascii;
    try {
      ascii = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "domain '" + domain + "' is not a valid DNS name: " + e.getMessage(), e);
    }
    if (ascii.length() > 253 || !LABELS.matcher(ascii).matches()) {
      throw new IllegalArgumentException(
          "domain '" + domain + "' is not a valid DNS name; expected labels of letters, digits and"
              + " hyphens, optionally starting with '*.'");
    }
    return ascii;
  }

  /** The wildcard name that would cover {@code serverName} ({@code *.} + its parent), or null. */
  static String wildcardFor(String serverName) {
    int dot = serverName.indexOf('.');
    return dot <= 0 ? null : "*" + serverName.substring(dot);
  }
}
