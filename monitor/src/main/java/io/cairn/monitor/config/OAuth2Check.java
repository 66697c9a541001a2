package io.cairn.monitor.config;

import java.util.Map;

/**
 * The checks prometheus/common applies to an {@code oauth2} section; cairn keeps the section raw
 * (it does not yet fetch tokens) but refuses what Prometheus refuses.
 */
final class OAuth2Check {
  private OAuth2Check() {}

  static void validate(Map<String, Object> o) throws ConfigException {
    for (String k : o.keySet()) {
      if (!java.util.Set.of("client_id", "client_secret", "client_secret_file", "scopes", "token_url",
          "endpoint_params", "tls_config", "proxy_url").contains(k)) {
        throw new ConfigException("field " + k + " not found in type config.plain");
      }
    }
    if (str(o, "client_id").isEmpty()) {
      throw new ConfigException("oauth2 client_id must be configured");
    }
    boolean secret = !str(o, "client_secret").isEmpty();
    boolean file = !str(o, "client_secret_file").isEmpty();
    if (!secret && !file) {
      throw new ConfigException("either oauth2 client_secret or client_secret_file must be configured");
    }
    if (secret && file) {
      throw new ConfigException("at most one of oauth2 client_secret & client_secret_file must be configured");
    }
    if (str(o, "token_url").isEmpty()) {
      throw new ConfigException("oauth2 token_url must be configured");
    }
  }

  private static String str(Map<String, Object> o, String k) {
    Object v = o.get(k);
    return v == null ? "" : v.toString();
  }
}
