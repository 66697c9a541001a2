package io.cairn.gateway.tls;

import io.cairn.gateway.config.TlsConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates of the dynamic {@code tls} section, indexed by their names: SNI {@code
 * a.example.com} gets the certificate naming it exactly, else one naming {@code *.example.com}
 * (case-insensitive). When two certificates name the same host the first listed wins, as the order
 * of the files is the only order there is. Only the {@code default} store is served (as in Traefik,
 * where other stores are not reachable from routers); certificates listing only other stores are
 * left out with a warning.
 *
 * <p>Immutable and thread-safe once built; a reload builds a new one.
 */
public final class FileCertificates implements CertificateSource {
  private final Map<String, CertifiedKey> byName;
  private final Optional<CertifiedKey> defaultCertificate;
  private final List<CertInfo> infos;
  private final List<CertifiedKey> keys;
  private final List<String> warnings;

  private FileCertificates(Map<String, CertifiedKey> byName, Optional<CertifiedKey> defaultCertificate,
      List<CertInfo> infos, List<String> warnings) {
    this.byName = byName;
    List<CertifiedKey> all = new ArrayList<>(new java.util.LinkedHashSet<>(byName.values()));
    defaultCertificate.filter(k -> !all.contains(k)).ifPresent(all::add);
    this.keys = List.copyOf(all);
    this.defaultCertificate = defaultCertificate;
    this.infos = List.copyOf(infos);
    this.warnings = List.copyOf(warnings);
  }

  /** No certificates. */
  public static FileCertificates empty() {
    return new FileCertificates(Map.of(), Optional.empty(), List.of(), List.of());
  }

  /**
   * Loads every certificate of {@code tls}; one that cannot be read (missing file, bad PEM, key not
   * matching) is left out with a warning naming it, the others still load.
   */
  public static FileCertificates load(TlsConfig tls) {
    Map<String, CertifiedKey> byName = new LinkedHashMap<>();
    List<CertInfo> infos = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < tls.certificates().size(); i++) {
      TlsConfig.Certificate c = tls.certificates().get(i);
      String where = "tls.certificates[" + i + "]";
      if (!c.stores().isEmpty() && !c.stores().contains("default")) {
        warnings.add(where + ": only the default store is served; certificate left out");
        continue;
      }
      Optional<CertifiedKey> key = read(c, where, warnings);
      if (key.isEmpty()) {
        continue;
      }
      infos.add(CertInfo.of(key.get(), "file"));
      for (String name : Names.of(key.get().leaf())) {
        byName.putIfAbsent(name, key.get());
      }
    }
    Optional<CertifiedKey> def = Optional.ofNullable(tls.stores().get("default"))
        .flatMap(TlsConfig.Store::defaultCertificate)
        .flatMap(c -> read(c, "tls.stores.default.defaultCertificate", warnings));
    def.ifPresent(k -> infos.add(CertInfo.of(k, "default")));
    return new FileCertificates(Map.copyOf(byName), def, infos, warnings);
  }

  private static Optional<CertifiedKey> read(TlsConfig.Certificate c, String where, List<String> warnings) {
    try {
      CertifiedKey key = Pem.certifiedKey(c.certFile(), c.keyFile());
      if (!KeyPairs.matches(key)) {
        warnings.add(where + ": the private key does not belong to the certificate; left out");
        return Optional.empty();
      }
      return Optional.of(key);
    } catch (IOException | RuntimeException e) {
      warnings.add(where + ": cannot load certificate " + shortName(c.certFile()) + " and key "
          + shortName(c.keyFile()) + ": " + e.getMessage() + "; left out");
      return Optional.empty();
    }
  }

  private static String shortName(String fileOrContent) {
    return fileOrContent.contains("-----BEGIN") ? "(inline PEM)" : fileOrContent;
  }

  @Override
  public Optional<CertifiedKey> certificateFor(String serverName) {
    if (serverName.isEmpty()) {
      return Optional.empty();
    }
    CertifiedKey exact = byName.get(serverName);
    if (exact != null) {
      return Optional.of(exact);
    }
    String wildcard = Names.wildcardFor(serverName);
    return wildcard.isEmpty() ? Optional.empty() : Optional.ofNullable(byName.get(wildcard));
  }

  /** The {@code default} store's {@code defaultCertificate}, served when nothing matches. */
  public Optional<CertifiedKey> defaultCertificate() {
    return defaultCertificate;
  }

  /** Every loaded certificate, the default one included. */
  public List<CertInfo> infos() {
    return infos;
  }

  /** Every loaded certificate and key, the default one included. */
  public List<CertifiedKey> keys() {
    return keys;
  }

  /** Certificates left out and why. */
  public List<String> warnings() {
    return warnings;
  }
}
