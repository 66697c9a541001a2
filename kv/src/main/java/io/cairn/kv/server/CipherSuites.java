package io.cairn.kv.server;

import io.cairn.common.config.ValueParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * etcd's {@code --cipher-suites}: a comma-separated list of the TLS 1.2 cipher suites the client and
 * peer ports offer, in Go's names. Empty (the default) leaves the choice to the JDK, as etcd leaves
 * it to Go.
 *
 * <p>Names are those etcd 3.4.23 takes: Go's {@code tls.CipherSuites()} and {@code
 * tls.InsecureCipherSuites()} plus etcd's older spelling of the ChaCha20 suites without {@code
 * _SHA256}; any other name is refused with etcd's {@code unexpected TLS cipher suite "NAME"}. As in
 * Go, the list restricts TLS 1.2 only: TLS 1.3 is negotiated with its own suites whatever the list
 * says (the TLS 1.3 names are accepted and change nothing). Suites the JDK does not offer (RC4,
 * 3DES and, in JDK 25, the {@code TLS_RSA_*} suites without forward secrecy) are accepted and never
 * negotiated; a list of only those leaves TLS 1.3 alone.
 */
final class CipherSuites {
  private static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256");

  /** etcd's name → the JDK's name; null for the TLS 1.3 names. */
  private static final Map<String, String> JDK_NAMES = names();

  private CipherSuites() {}

  private static Map<String, String> names() {
    var m = new java.util.HashMap<String, String>();
    for (String same : List.of(
        "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256")) {
      m.put(same, same);
    }
    m.put("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    m.put("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    TLS13.forEach(n -> m.put(n, null));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Parses the flag: names as given (blank entries skipped), each checked. */
  static ValueParser<List<String>> parser() {
    return text -> {
      List<String> out = new ArrayList<>();
      for (String part : text.split(",")) {
        String name = part.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (!JDK_NAMES.containsKey(name)) {
          throw new IllegalArgumentException("unexpected TLS cipher suite \"" + name + "\"");
        }
        out.add(name);
      }
      return List.copyOf(out);
    };
  }

  /**
   * The JDK suite names to enable for {@code etcdNames}: the TLS 1.2 suites named, in order, then the
   * TLS 1.3 suites; null for an empty list (the JDK's defaults).
   */
  static List<String> jdkNames(List<String> etcdNames) {
    if (etcdNames.isEmpty()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String n : etcdNames) {
      String jdk = JDK_NAMES.get(n);
      if (jdk != null) {
        out.add(jdk);
      }
    }
    out.addAll(TLS13);
    return List.copyOf(out);
  }
}
