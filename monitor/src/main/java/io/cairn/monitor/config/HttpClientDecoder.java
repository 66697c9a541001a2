package io.cairn.monitor.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/** Decodes and validates the HTTP client fields that scrape and HTTP SD configs inline. */
final class HttpClientDecoder {
  /** The field names {@link #decode} reads, to be merged into the inlining struct's fields. */
  static final Set<String> FIELDS = Set.of(
      "basic_auth", "authorization", "oauth2", "bearer_token", "bearer_token_file", "tls_config",
      "proxy_url", "follow_redirects", "enable_http2");
  static final Set<String> TLS_VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");

  private HttpClientDecoder() {}

  /** The client config from {@code f}; null if it had type errors. */
  static HttpClientConfig decode(Decoder d, Map<String, Node> f) throws ConfigException {
    int mark = d.errorCount();
    BasicAuth basic = f.containsKey("basic_auth") ? basicAuth(d, f.get("basic_auth")) : null;
    Authorization auth = null;
    Node a = f.get("authorization");
    if (a != null && !Decoder.isNull(a)) {
      Map<String, Node> af = d.struct(a, "config.Authorization", Set.of("type", "credentials", "credentials_file"));
      if (af != null) {
        auth = new Authorization(d.string(af.get("type")), d.string(af.get("credentials")), d.path(af.get("credentials_file")));
      }
    }
    Map<String, Object> oauth2 = null;
    if (f.containsKey("oauth2") && !Decoder.isNull(f.get("oauth2"))) {
      if (!(f.get("oauth2") instanceof Node.MapNode)) {
        d.typeError(f.get("oauth2"), "config.plain");
      } else {
        oauth2 = RawYaml.map(f.get("oauth2"));
      }
    }
    String bearer = d.string(f.get("bearer_token"));
    String bearerFile = d.path(f.get("bearer_token_file"));
    TlsConfig tls = tls(d, f.get("tls_config"));
    String proxy = d.string(f.get("proxy_url"));
    boolean follow = !f.containsKey("follow_redirects") || d.bool(f.get("follow_redirects"));
    boolean http2 = !f.containsKey("enable_http2") || d.bool(f.get("enable_http2"));
    if (d.errorCount() > mark) {
      return null;
    }
    if (!proxy.isEmpty()) {
      checkUrl(proxy);
    }
    // prometheus/common HTTPClientConfig.Validate, in its order
    if (!bearer.isEmpty() && !bearerFile.isEmpty()) {
      throw new ConfigException("at most one of bearer_token & bearer_token_file must be configured");
    }
    if ((basic != null || oauth2 != null) && (!bearer.isEmpty() || !bearerFile.isEmpty())) {
      throw new ConfigException("at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    }
    if (basic != null && !basic.password().isEmpty() && !basic.passwordFile().isEmpty()) {
      throw new ConfigException("at most one of basic_auth password & password_file must be configured");
    }
    if (auth != null) {
      if (!bearer.isEmpty() || !bearerFile.isEmpty()) {
        throw new ConfigException("authorization is not compatible with bearer_token & bearer_token_file");
      }
      if (!auth.credentials().isEmpty() && !auth.credentialsFile().isEmpty()) {
        throw new ConfigException("at most one of authorization credentials & credentials_file must be configured");
      }
      String type = auth.type().strip();
      auth = new Authorization(type.isEmpty() ? "Bearer" : type, auth.credentials(), auth.credentialsFile());
      if (auth.type().equalsIgnoreCase("basic")) {
        throw new ConfigException("authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
      }
      if (basic != null || oauth2 != null) {
        throw new ConfigException("at most one of basic_auth, oauth2 & authorization must be configured");
      }
    } else if (!bearer.isEmpty()) {
      auth = new Authorization("Bearer", bearer, "");
    } else if (!bearerFile.isEmpty()) {
      auth = new Authorization("Bearer", "", bearerFile);
    }
    if (oauth2 != null) {
      OAuth2Check.validate(oauth2);
    }
    return new HttpClientConfig(basic, auth, oauth2, tls, proxy, follow, http2);
  }

  static BasicAuth basicAuth(Decoder d, Node n) {
    if (Decoder.isNull(n)) {
      return null;
    }
    Map<String, Node> f = d.struct(n, "config.plain", Set.of("username", "password", "password_file"));
    if (f == null) {
      return null;
    }
    return new BasicAuth(d.string(f.get("username")), d.string(f.get("password")), d.path(f.get("password_file")));
  }

  static TlsConfig tls(Decoder d, Node n) throws ConfigException {
    int mark = d.errorCount();
    Map<String, Node> f = d.struct(n, "config.plain", Set.of(
        "ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify", "min_version", "max_version"));
    if (f == null) {
      return TlsConfig.DEFAULT;
    }
    TlsConfig t = new TlsConfig(
        d.path(f.get("ca_file")), d.path(f.get("cert_file")), d.path(f.get("key_file")),
        d.string(f.get("server_name")), d.bool(f.get("insecure_skip_verify")),
        version(d, f.get("min_version")), version(d, f.get("max_version")));
    if (d.errorCount() > mark) {
      return TlsConfig.DEFAULT; // reported with the other type errors
    }
    if (!t.certFile().isEmpty() && t.keyFile().isEmpty()) {
      throw new ConfigException("client cert file \"" + t.certFile() + "\" specified without client key file");
    }
    if (!t.keyFile().isEmpty() && t.certFile().isEmpty()) {
      throw new ConfigException("client key file \"" + t.keyFile() + "\" specified without client cert file");
    }
    return t;
  }

  private static String version(Decoder d, Node n) throws ConfigException {
    String v = d.string(n);
    if (!v.isEmpty() && !TLS_VERSIONS.contains(v)) {
      throw new ConfigException("unknown TLS version: " + v);
    }
    return v;
  }

  /** As much of Go's {@code url.Parse} as configs need: a scheme before any colon, a valid URI. */
  static URI checkUrl(String url) throws ConfigException {
    if (url.startsWith(":")) {
      throw new ConfigException("parse \"" + url + "\": missing protocol scheme");
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new ConfigException("parse \"" + url + "\": " + e.getReason());
    }
  }
}
