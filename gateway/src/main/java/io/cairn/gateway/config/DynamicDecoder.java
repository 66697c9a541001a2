package io.cairn.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes Traefik's dynamic configuration tree: the top level, routers, servers transports and
 * the {@code tls} section; services and middlewares have decoders of their own. Every problem is
 * collected; the result is returned only when there were none.
 *
 * <p>{@code tcp} and {@code udp} sections and {@code http.models} are Traefik options that cairn
 * does not implement: they are refused with a message saying so rather than silently ignored.
 */
final class DynamicDecoder {
  private DynamicDecoder() {}

  static DynamicConfig decode(String content, Formats.Format format, String file) throws ConfigException {
    Problems problems = new Problems(file);
    Optional<JsonNode> tree = Formats.parse(content, format, problems);
    DynamicConfig config = tree.flatMap(t -> decodeTree(t, problems)).orElse(null);
    problems.throwIfAny();
    return config;
  }

  /** Decodes a parsed tree; problems go to {@code problems}. Empty if the root is not a mapping. */
  static Optional<DynamicConfig> decodeTree(JsonNode tree, Problems problems) {
    return Fields.of(problems, "", tree).map(DynamicDecoder::root);
  }

  private static DynamicConfig root(Fields root) {
    HttpConfig http = root.object("http", false).map(DynamicDecoder::http).orElse(HttpConfig.empty());
    TlsConfig tls = root.object("tls", false).map(DynamicDecoder::tls).orElse(TlsConfig.empty());
    for (String unsupported : List.of("tcp", "udp")) {
      if (root.raw(unsupported) != null) {
        root.problems().add(unsupported, unsupported.toUpperCase(java.util.Locale.ROOT)
            + " routing is not supported by cairn (only http and tls)");
      }
    }
    root.finish();
    return new DynamicConfig(http, tls);
  }

  private static HttpConfig http(Fields f) {
    Map<String, Router> routers = f.map("routers", DynamicDecoder::router);
    Map<String, Service> services = f.map("services", ServiceDecoder::service);
    Map<String, Middleware> middlewares = f.map("middlewares", MiddlewareDecoder::middleware);
    Map<String, ServersTransport> transports = f.map("serversTransports", (t, name) -> serversTransport(t));
    if (f.raw("models") != null) {
      f.problems().add(f.key("models"), "router models are not supported by cairn");
    }
    f.finish();
    return new HttpConfig(routers, services, middlewares, transports);
  }

  static Router router(Fields f, String name) {
    return new Router(
        f.strings("entryPoints"),
        f.strings("middlewares"),
        f.string("service", ""),
        f.string("rule", ""),
        f.string("ruleSyntax", ""),
        f.longValue("priority", 0),
        f.object("tls", true).map(DynamicDecoder::routerTls));
  }

  static Router.Tls routerTls(Fields f) {
    Router.Tls tls = new Router.Tls(f.string("certResolver", ""), f.string("options", ""), f.list("domains", DynamicDecoder::domain));
    f.finish();
    return tls;
  }

  static Domain domain(Fields f) {
    return new Domain(f.string("main", ""), f.strings("sans"));
  }

  static ServersTransport serversTransport(Fields f) {
    int idle = f.integer("maxIdleConnsPerHost", 0);
    return new ServersTransport(
        f.string("serverName", ""),
        f.bool("insecureSkipVerify", false),
        f.strings("rootCAs"),
        f.list("certificates", DynamicDecoder::certificate),
        idle == 0 ? ServersTransport.DEFAULT_MAX_IDLE_CONNS_PER_HOST : idle,
        f.object("forwardingTimeouts", false).map(DynamicDecoder::timeouts).orElse(ServersTransport.ForwardingTimeouts.defaults()),
        f.bool("disableHTTP2", false),
        f.string("peerCertURI", ""));
  }

  private static ServersTransport.ForwardingTimeouts timeouts(Fields f) {
    ServersTransport.ForwardingTimeouts t = new ServersTransport.ForwardingTimeouts(
        f.duration("dialTimeout", ServersTransport.ForwardingTimeouts.DEFAULT_DIAL),
        f.duration("responseHeaderTimeout", java.time.Duration.ZERO),
        f.duration("idleConnTimeout", ServersTransport.ForwardingTimeouts.DEFAULT_IDLE_CONN),
        f.duration("readIdleTimeout", java.time.Duration.ZERO),
        f.duration("pingTimeout", ServersTransport.ForwardingTimeouts.DEFAULT_PING));
    f.finish();
    return t;
  }

  static TlsConfig.Certificate certificate(Fields f) {
    return new TlsConfig.Certificate(f.string("certFile", ""), f.string("keyFile", ""), f.strings("stores"));
  }

  private static TlsConfig tls(Fields f) {
    TlsConfig tls = new TlsConfig(
        f.list("certificates", DynamicDecoder::certificate),
        f.map("options", (o, name) -> tlsOptions(o)),
        f.map("stores", (s, name) -> store(s)));
    f.finish();
    return tls;
  }

  private static TlsConfig.Options tlsOptions(Fields f) {
    List<String> alpn = f.strings("alpnProtocols");
    f.raw("preferServerCipherSuites"); // deprecated and ignored by Traefik; accepted for compatibility
    return new TlsConfig.Options(
        f.string("minVersion", TlsConfig.Options.DEFAULT_MIN_VERSION),
        f.string("maxVersion", ""),
        f.strings("cipherSuites"),
        f.strings("curvePreferences"),
        f.has("alpnProtocols") ? alpn : TlsConfig.Options.DEFAULT_ALPN,
        f.bool("sniStrict", false),
        f.object("clientAuth", false).map(c -> {
          TlsConfig.ClientAuth auth = new TlsConfig.ClientAuth(c.strings("caFiles"), c.string("clientAuthType", "NoClientCert"));
          c.finish();
          return auth;
        }));
  }

  private static TlsConfig.Store store(Fields f) {
    Optional<TlsConfig.Certificate> cert = f.object("defaultCertificate", false).map(c -> {
      TlsConfig.Certificate certificate = new TlsConfig.Certificate(c.string("certFile", ""), c.string("keyFile", ""), List.of());
      c.finish();
      return certificate;
    });
    Optional<TlsConfig.GeneratedCert> generated = f.object("defaultGeneratedCert", false).map(g -> {
      TlsConfig.GeneratedCert gc = new TlsConfig.GeneratedCert(g.string("resolver", ""), g.object("domain", false).map(d -> {
        Domain domain = domain(d);
        d.finish();
        return domain;
      }));
      g.finish();
      return gc;
    });
    return new TlsConfig.Store(cert, generated);
  }
}
