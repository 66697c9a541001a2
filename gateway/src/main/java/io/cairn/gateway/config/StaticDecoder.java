package io.cairn.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes Traefik's static configuration tree (from a file or from {@link Flags}) and applies
 * Traefik's effective-configuration rules. Checks what can be checked without the network:
 * addresses' shape, enumerations (log level, formats, rule syntax), redirect targets, and that a
 * file provider names a file or directory.
 *
 * <p>{@code global} (telemetry and version checks, which cairn never does) is accepted and ignored;
 * Traefik sections and providers that cairn lacks are refused by name.
 */
final class StaticDecoder {
  static final List<String> UNSUPPORTED_SECTIONS = List.of("tracing", "experimental", "hostResolver",
      "spiffe", "tcpServersTransport", "ocsp", "pilot", "hub");
  static final List<String> UNSUPPORTED_PROVIDERS = List.of("docker", "swarm", "kubernetesIngress", "kubernetesCRD",
      "kubernetesGateway", "kubernetesIngressNGINX", "rest", "consul", "consulCatalog", "nomad", "ecs", "redis", "http",
      "zooKeeper", "plugin", "knative");
  static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "PANIC");

  private StaticDecoder() {}

  static StaticConfig decode(String content, Formats.Format format, String file) throws ConfigException {
    Problems problems = new Problems(file);
    StaticConfig config = Formats.parse(content, format, problems).flatMap(t -> decodeTree(t, problems)).orElse(null);
    problems.throwIfAny();
    return config;
  }

  static Optional<StaticConfig> decodeTree(JsonNode tree, Problems problems) {
    return Fields.of(problems, "", tree).map(StaticDecoder::root);
  }

  private static StaticConfig root(Fields f) {
    Map<String, EntryPoint> entryPoints = f.map("entryPoints", (e, name) -> EntryPointDecoder.entryPoint(e));
    StaticConfig.Providers providers = f.object("providers", false).map(StaticDecoder::providers)
        .orElse(new StaticConfig.Providers(Optional.empty(), Optional.empty(), StaticConfig.Providers.DEFAULT_THROTTLE));
    Optional<StaticConfig.Api> api = f.object("api", true).map(a -> {
      StaticConfig.Api v = new StaticConfig.Api(a.bool("dashboard", true), a.bool("insecure", false), a.bool("debug", false),
          a.string("basePath", "/"));
      a.raw("disableDashboardAd");
      a.finish();
      return v;
    });
    Optional<StaticConfig.AccessLog> accessLog = f.object("accessLog", true).map(StaticDecoder::accessLog);
    Optional<StaticConfig.Prometheus> prometheus = f.object("metrics", false).flatMap(m -> {
      Optional<StaticConfig.Prometheus> p = m.object("prometheus", true).map(StaticDecoder::prometheus);
      m.finish();
      return p;
    });
    Optional<StaticConfig.Ping> ping = f.object("ping", true).map(p -> {
      StaticConfig.Ping v = new StaticConfig.Ping(p.string("entryPoint", "traefik"), p.bool("manualRouting", false),
          p.integer("terminatingStatusCode", 503));
      p.finish();
      return v;
    });
    StaticConfig.Log log = f.object("log", true).map(StaticDecoder::log).orElse(StaticConfig.Log.defaults());
    Map<String, StaticConfig.CertResolver> resolvers = f.map("certificatesResolvers", (r, name) -> resolver(r));
    StaticConfig.Core core = f.object("core", false).map(c -> {
      StaticConfig.Core v = new StaticConfig.Core(c.string("defaultRuleSyntax", StaticConfig.Core.DEFAULT_RULE_SYNTAX));
      if (!List.of("v2", "v3").contains(v.defaultRuleSyntax())) {
        c.problems().add(c.key("defaultRuleSyntax"), "expected v3 or v2, got \"" + v.defaultRuleSyntax() + "\"");
      }
      c.finish();
      return v;
    }).orElse(new StaticConfig.Core(StaticConfig.Core.DEFAULT_RULE_SYNTAX));
    ServersTransport transport = f.object("serversTransport", false).map(t -> {
      ServersTransport v = DynamicDecoder.serversTransport(t);
      t.finish();
      return v;
    }).orElse(ServersTransport.defaults());
    f.raw("global");
    for (String section : UNSUPPORTED_SECTIONS) {
      if (f.raw(section) != null) {
        f.problems().add(section, "the " + section + " section is not supported by cairn");
      }
    }
    f.finish();
    for (Map.Entry<String, EntryPoint> e : entryPoints.entrySet()) {
      e.getValue().http().redirections().ifPresent(r -> {
        if (!r.to().startsWith(":") && !r.to().matches("\\d+") && !entryPoints.containsKey(r.to())) {
          f.problems().add("entryPoints." + e.getKey() + ".http.redirections.entryPoint.to",
              "no entry point named \"" + r.to() + "\" (expected an entry point name or a :port)");
        }
      });
    }
    return effective(entryPoints, providers, api, accessLog, prometheus, log, resolvers, core, transport, ping);
  }

  /** Traefik's {@code SetEffectiveConfiguration}: the implicit {@code http} and {@code traefik} entry points. */
  static StaticConfig effective(Map<String, EntryPoint> entryPoints, StaticConfig.Providers providers,
      Optional<StaticConfig.Api> api, Optional<StaticConfig.AccessLog> accessLog, Optional<StaticConfig.Prometheus> prometheus,
      StaticConfig.Log log, Map<String, StaticConfig.CertResolver> resolvers, StaticConfig.Core core, ServersTransport transport) {
    return effective(entryPoints, providers, api, accessLog, prometheus, log, resolvers, core, transport, Optional.empty());
  }

  static StaticConfig effective(Map<String, EntryPoint> entryPoints, StaticConfig.Providers providers,
      Optional<StaticConfig.Api> api, Optional<StaticConfig.AccessLog> accessLog, Optional<StaticConfig.Prometheus> prometheus,
      StaticConfig.Log log, Map<String, StaticConfig.CertResolver> resolvers, StaticConfig.Core core, ServersTransport transport,
      Optional<StaticConfig.Ping> ping) {
    Map<String, EntryPoint> eps = new LinkedHashMap<>(entryPoints);
    if (eps.isEmpty()) {
      eps.put("http", EntryPoint.at(":80"));
    }
    boolean internal = api.map(StaticConfig.Api::insecure).orElse(false)
        || prometheus.map(p -> !p.manualRouting() && p.entryPoint().equals("traefik")).orElse(false)
        || ping.map(p -> !p.manualRouting() && p.entryPoint().equals("traefik")).orElse(false);
    if (internal && !eps.containsKey("traefik")) {
      eps.put("traefik", EntryPoint.at(":8080"));
    }
    return new StaticConfig(eps, providers, api, accessLog, prometheus, log, resolvers, core, transport, ping);
  }

  private static StaticConfig.Providers providers(Fields f) {
    Optional<StaticConfig.FileProvider> file = f.object("file", true).map(p -> {
      StaticConfig.FileProvider v = new StaticConfig.FileProvider(p.string("filename", ""), p.string("directory", ""),
          p.bool("watch", true));
      p.raw("debugLogGeneratedTemplate");
      if (v.filename().isEmpty() && v.directory().isEmpty()) {
        p.problems().add(p.path(), "the file provider needs a filename or a directory, got neither");
      }
      p.finish();
      return v;
    });
    Optional<StaticConfig.EtcdProvider> etcd = f.object("etcd", true).map(p -> {
      List<String> endpoints = p.strings("endpoints");
      StaticConfig.EtcdProvider v = new StaticConfig.EtcdProvider(
          p.has("endpoints") ? endpoints : StaticConfig.EtcdProvider.DEFAULT_ENDPOINTS,
          p.string("rootKey", StaticConfig.EtcdProvider.DEFAULT_ROOT_KEY), p.string("username", ""),
          p.string("password", ""), p.object("tls", true).map(t -> {
            StaticConfig.ClientTls tls = new StaticConfig.ClientTls(t.string("ca", ""), t.string("cert", ""),
                t.string("key", ""), t.bool("insecureSkipVerify", false));
            if (tls.cert().isEmpty() != tls.key().isEmpty()) {
              t.problems().add(t.path(), "a client certificate needs both cert and key files, got only one");
            }
            t.finish();
            return tls;
          }));
      p.finish();
      return v;
    });
    StaticConfig.Providers providers = new StaticConfig.Providers(file, etcd,
        f.duration("providersThrottleDuration", StaticConfig.Providers.DEFAULT_THROTTLE));
    for (String name : UNSUPPORTED_PROVIDERS) {
      if (f.raw(name) != null) {
        f.problems().add(f.key(name), "the " + name + " provider is not supported by cairn (file and etcd are)");
      }
    }
    f.finish();
    return providers;
  }

  private static StaticConfig.AccessLog accessLog(Fields f) {
    StaticConfig.AccessLogFields fields = f.object("fields", true).map(StaticDecoder::accessLogFields)
        .orElse(StaticConfig.AccessLogFields.DEFAULT);
    Optional<StaticConfig.AccessLogFilters> filters = f.object("filters", true).map(x -> {
      StaticConfig.AccessLogFilters v = new StaticConfig.AccessLogFilters(x.strings("statusCodes"),
          x.bool("retryAttempts", false), x.duration("minDuration", java.time.Duration.ZERO));
      for (String range : v.statusCodes()) {
        if (!range.matches("\\d{3}(-\\d{3})?")) {
          x.problems().add(x.key("statusCodes"), "expected status codes or ranges like 404 or 500-599, got \"" + range + "\"");
        }
      }
      x.finish();
      return v;
    });
    StaticConfig.AccessLog v = new StaticConfig.AccessLog(f.string("filePath", ""), f.string("format", "common"),
        f.longValue("bufferingSize", 0), fields, filters);
    if (!List.of("common", "json", "genericCLF").contains(v.format())) {
      f.problems().add(f.key("format"), "expected common, genericCLF or json, got \"" + v.format() + "\"");
    }
    f.finish();
    return v;
  }

  private static StaticConfig.AccessLogFields accessLogFields(Fields f) {
    String mode = f.string("defaultMode", "keep");
    Map<String, String> names = f.stringMap("names");
    StaticConfig.AccessLogFields v = f.object("headers", true).map(h -> {
      StaticConfig.AccessLogFields x = new StaticConfig.AccessLogFields(mode, names, h.string("defaultMode", "drop"),
          h.stringMap("names"));
      modes(h, "defaultMode", List.of(x.headersDefaultMode()), List.of("keep", "drop", "redact"));
      modes(h, "names", x.headerNames().values(), List.of("keep", "drop", "redact"));
      h.finish();
      return x;
    }).orElse(new StaticConfig.AccessLogFields(mode, names, "drop", Map.of()));
    modes(f, "defaultMode", List.of(mode), List.of("keep", "drop"));
    modes(f, "names", names.values(), List.of("keep", "drop"));
    f.finish();
    return v;
  }

  private static void modes(Fields f, String key, java.util.Collection<String> given, List<String> allowed) {
    for (String m : given) {
      if (!allowed.contains(m)) {
        f.problems().add(f.key(key), "expected " + String.join(", ", allowed) + ", got \"" + m + "\"");
      }
    }
  }

  private static StaticConfig.Prometheus prometheus(Fields f) {
    StaticConfig.Prometheus v = new StaticConfig.Prometheus(f.string("entryPoint", "traefik"),
        f.numbers("buckets", StaticConfig.Prometheus.DEFAULT_BUCKETS), f.bool("addEntryPointsLabels", true),
        f.bool("addRoutersLabels", false), f.bool("addServicesLabels", true), f.bool("manualRouting", false),
        f.stringMap("headerLabels"));
    f.finish();
    return v;
  }

  private static StaticConfig.Log log(Fields f) {
    StaticConfig.Log v = new StaticConfig.Log(f.string("level", "ERROR").toUpperCase(Locale.ROOT), f.string("format", "common"),
        f.string("filePath", ""));
    f.raw("noColor");
    if (!LOG_LEVELS.contains(v.level())) {
      f.problems().add(f.key("level"), "expected one of " + String.join(", ", LOG_LEVELS) + ", got \"" + v.level() + "\"");
    }
    if (!List.of("common", "json").contains(v.format())) {
      f.problems().add(f.key("format"), "expected common or json, got \"" + v.format() + "\"");
    }
    f.finish();
    return v;
  }

  private static StaticConfig.CertResolver resolver(Fields f) {
    Optional<StaticConfig.Acme> acme = f.object("acme", false).map(a -> {
      Optional<String> http = a.object("httpChallenge", false).map(h -> {
        String ep = h.string("entryPoint", "");
        h.raw("delay");
        h.finish();
        return ep;
      });
      boolean tls = a.object("tlsChallenge", true).map(t -> {
        t.finish();
        return true;
      }).orElse(false);
      StaticConfig.Acme v = new StaticConfig.Acme(a.string("email", ""), a.string("storage", "acme.json"),
          a.string("caServer", StaticConfig.Acme.DEFAULT_CA), a.string("keyType", "RSA4096"), http, tls,
          a.longValue("certificatesDuration", 2160), a.strings("caCertificates"),
          a.bool("caSystemCertPool", false));
      if (a.raw("dnsChallenge") != null) {
        a.problems().add(a.key("dnsChallenge"), "the DNS-01 challenge is not supported by cairn (httpChallenge and tlsChallenge are)");
      }
      a.finish();
      return v;
    });
    if (acme.isEmpty()) {
      if (!f.problems().list().stream().anyMatch(p -> p.key().startsWith(f.path()))) {
        f.problems().add(f.path(), "a certificate resolver needs an acme section");
      }
      return null;
    }
    return new StaticConfig.CertResolver(acme.get());
  }
}
