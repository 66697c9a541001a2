package io.cairn.monitor.config;

import io.cairn.monitor.config.YamlEmit.Raw;
import java.util.LinkedHashMap;
import java.util.Map;

/** prometheus/common's HTTP client and TLS settings as Prometheus marshals them (see {@link ConfigYaml}). */
final class HttpYaml {
  private static final String SECRET = "<secret>";

  private HttpYaml() {}

  /** The inlined {@code HTTPClientConfig} fields, in Go's order. */
  static void http(HttpClientConfig h, Map<String, Object> m, ConfigYaml.Paths paths) {
    if (h.basicAuth() != null) {
      m.put("basic_auth", basic(h.basicAuth(), paths));
    }
    if (h.authorization() != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      ConfigYaml.putIf(a, "type", h.authorization().type());
      ConfigYaml.putIf(a, "credentials", h.authorization().credentials().isEmpty() ? "" : SECRET);
      ConfigYaml.putIf(a, "credentials_file", paths.rel(h.authorization().credentialsFile()));
      m.put("authorization", a);
    }
    if (h.oauth2() != null) {
      m.put("oauth2", h.oauth2());
    }
    ConfigYaml.putIf(m, "proxy_url", h.proxyUrl());
    tls(h.tlsConfig(), m, paths);
    m.put("follow_redirects", new Raw(String.valueOf(h.followRedirects())));
    m.put("enable_http2", new Raw(String.valueOf(h.enableHttp2())));
  }

  static Map<String, Object> basic(BasicAuth b, ConfigYaml.Paths paths) {
    Map<String, Object> x = new LinkedHashMap<>();
    ConfigYaml.putIf(x, "username", b.username());
    ConfigYaml.putIf(x, "password", b.password().isEmpty() ? "" : SECRET);
    ConfigYaml.putIf(x, "password_file", paths.rel(b.passwordFile()));
    return x;
  }

  /** {@code tls_config}, left out when every field is at its zero value. */
  static void tls(TlsConfig t, Map<String, Object> m, ConfigYaml.Paths paths) {
    if (t == null || t.equals(TlsConfig.DEFAULT)) {
      return;
    }
    Map<String, Object> x = new LinkedHashMap<>();
    ConfigYaml.putIf(x, "ca_file", paths.rel(t.caFile()));
    ConfigYaml.putIf(x, "cert_file", paths.rel(t.certFile()));
    ConfigYaml.putIf(x, "key_file", paths.rel(t.keyFile()));
    ConfigYaml.putIf(x, "server_name", t.serverName());
    x.put("insecure_skip_verify", new Raw(String.valueOf(t.insecureSkipVerify())));
    version(x, "min_version", t.minVersion());
    version(x, "max_version", t.maxVersion());
    m.put("tls_config", x);
  }

  private static void version(Map<String, Object> x, String key, String v) {
    int n = switch (v) {
      case "TLS10" -> 769;
      case "TLS11" -> 770;
      case "TLS12" -> 771;
      case "TLS13" -> 772;
      default -> 0;
    };
    if (n != 0) {
      x.put(key, new Raw(Integer.toString(n)));
    }
  }

  static Map<String, Object> kv(KvSdConfig k, ConfigYaml.Paths paths) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("endpoints", k.endpoints());
    x.put("prefix", k.prefix());
    tls(k.tlsConfig(), x, paths);
    if (k.basicAuth() != null) {
      x.put("basic_auth", basic(k.basicAuth(), paths));
    }
    return x;
  }
}
