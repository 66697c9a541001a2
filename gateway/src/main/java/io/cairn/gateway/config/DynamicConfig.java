package io.cairn.gateway.config;

import java.util.Objects;

/**
 * One provider's dynamic configuration: the {@code http} and {@code tls} sections. Immutable;
 * safe to share between threads and to swap atomically as a whole.
 */
public record DynamicConfig(HttpConfig http, TlsConfig tls) {

  public DynamicConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(tls, "tls");
  }

  public static DynamicConfig empty() {
    return new DynamicConfig(HttpConfig.empty(), TlsConfig.empty());
  }

  /**
   * Decodes YAML or TOML text in Traefik's dynamic shape. Does not validate references; see {@link
   * Validator}.
   *
   * @param content the file's text
   * @param file the name used in problems ({@code null} for none); its extension picks the format
   *     ({@code .toml} is TOML, anything else YAML)
   * @throws ConfigException listing every problem: syntax, unknown options, wrong types
   */
  public static DynamicConfig parse(String content, String file) throws ConfigException {
    Formats.Format format =
        file != null ? Formats.byName(file).orElse(Formats.Format.YAML) : Formats.Format.YAML;
    return DynamicDecoder.decode(content, format, file);
  }

  /**
   * Decodes a tree already built (the kv provider builds one from keys), with the same rules and
   * messages as {@link #parse}. Does not validate references; see {@link Validator}.
   *
   * @param file the name used in problems ({@code etcd:traefik}); may be null
   * @throws ConfigException listing every problem: unknown options, wrong types
   */
  public static DynamicConfig decode(com.fasterxml.jackson.databind.JsonNode tree, String file) throws ConfigException {
    Problems problems = new Problems(file);
    DynamicConfig config = DynamicDecoder.decodeTree(tree, problems).orElse(null);
    problems.throwIfAny();
    return config;
  }
}
