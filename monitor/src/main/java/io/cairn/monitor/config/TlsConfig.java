package io.cairn.monitor.config;

/**
 * TLS client settings. Files are resolved against the config file's directory; a client
 * certificate needs its key and the other way round. Versions are {@code TLS10} to {@code TLS13},
 * empty for the library default.
 */
public record TlsConfig(
    String caFile,
    String certFile,
    String keyFile,
    String serverName,
    boolean insecureSkipVerify,
    String minVersion,
    String maxVersion) {
  public static final TlsConfig DEFAULT = new TlsConfig("", "", "", "", false, "", "");
}
