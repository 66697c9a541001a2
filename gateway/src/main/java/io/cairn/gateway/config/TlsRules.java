package io.cairn.gateway.config;

/** Checks of the dynamic {@code tls} section. */
final class TlsRules {
  private TlsRules() {}

  static void check(TlsConfig tls, Problems problems) {
    for (int i = 0; i < tls.certificates().size(); i++) {
      TlsConfig.Certificate c = tls.certificates().get(i);
      String key = "tls.certificates[" + i + "]";
      if (c.certFile().isEmpty()) {
        problems.add(key + ".certFile", "a certificate needs a certFile (a path or PEM content)");
      }
      if (c.keyFile().isEmpty()) {
        problems.add(key + ".keyFile", "a certificate needs a keyFile (a path or PEM content)");
      }
    }
    tls.options().forEach((name, o) -> {
      String key = "tls.options." + name;
      if (!TlsConfig.Options.VERSIONS.contains(o.minVersion())) {
        problems.add(key + ".minVersion", "expected one of " + String.join(", ", TlsConfig.Options.VERSIONS) + ", got \"" + o.minVersion() + "\"");
      }
      if (!o.maxVersion().isEmpty() && !TlsConfig.Options.VERSIONS.contains(o.maxVersion())) {
        problems.add(key + ".maxVersion", "expected one of " + String.join(", ", TlsConfig.Options.VERSIONS) + ", got \"" + o.maxVersion() + "\"");
      } else if (!o.maxVersion().isEmpty() && TlsConfig.Options.VERSIONS.indexOf(o.maxVersion()) < TlsConfig.Options.VERSIONS.indexOf(o.minVersion())) {
        problems.add(key + ".maxVersion", "maxVersion " + o.maxVersion() + " is below minVersion " + o.minVersion());
      }
      o.clientAuth().ifPresent(a -> {
        if (!TlsConfig.ClientAuth.TYPES.contains(a.clientAuthType())) {
          problems.add(key + ".clientAuth.clientAuthType", "expected one of " + String.join(", ", TlsConfig.ClientAuth.TYPES)
              + ", got \"" + a.clientAuthType() + "\"");
        }
      });
    });
    tls.stores().forEach((name, s) -> s.defaultCertificate().ifPresent(c -> {
      if (c.certFile().isEmpty() || c.keyFile().isEmpty()) {
        problems.add("tls.stores." + name + ".defaultCertificate", "a default certificate needs both certFile and keyFile");
      }
    }));
  }
}
