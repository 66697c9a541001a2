package io.cairn.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decodes {@code http.services.NAME}: exactly one of loadBalancer, weighted, mirroring, failover, fileServer. */
final class ServiceDecoder {
  static final List<String> KINDS = List.of("loadBalancer", "weighted", "mirroring", "failover", "fileServer");

  private ServiceDecoder() {}

  static Service service(Fields f, String name) {
    List<String> present = new ArrayList<>();
    for (String kind : KINDS) {
      if (f.raw(kind) != null) {
        present.add(kind);
      }
    }
    if (present.size() != 1) {
      f.problems().add(f.path(), present.isEmpty()
          ? "a service needs exactly one kind (" + String.join(", ", KINDS) + "), got none"
          : "a service needs exactly one kind, got " + present.size() + ": " + String.join(", ", present));
      return null;
    }
    String kind = present.getFirst();
    Optional<Fields> body = f.object(kind, false);
    if (body.isEmpty()) {
      return null;
    }
    Fields b = body.get();
    Service service = switch (kind) {
      case "loadBalancer" -> loadBalancer(b);
      case "weighted" -> new Service.Weighted(
          b.list("services", s -> new Service.WeightedRef(s.string("name", ""), s.integer("weight", 1))),
          sticky(b), healthCheckFlag(b));
      case "mirroring" -> new Service.Mirroring(
          b.string("service", ""), b.bool("mirrorBody", true), b.longValue("maxBodySize", -1),
          b.list("mirrors", m -> new Service.Mirror(m.string("name", ""), m.integer("percent", 0))),
          healthCheckFlag(b));
      case "fileServer" -> new Service.FileServer(b.string("root", ""), b.bool("browse", false),
          b.has("index") ? b.strings("index") : Service.FileServer.DEFAULT_INDEX, b.strings("precompressed"));
      default -> new Service.Failover(b.string("service", ""), b.string("fallback", ""), healthCheckFlag(b));
    };
    b.finish();
    return service;
  }

  private static Service.LoadBalancer loadBalancer(Fields f) {
    Duration flush = f.object("responseForwarding", false).map(r -> {
      Duration d = r.duration("flushInterval", Service.LoadBalancer.DEFAULT_FLUSH_INTERVAL);
      r.finish();
      return d;
    }).orElse(Service.LoadBalancer.DEFAULT_FLUSH_INTERVAL);
    return new Service.LoadBalancer(
        f.list("servers", s -> new Service.Server(s.string("url", ""), s.integer("weight", Service.Server.DEFAULT_WEIGHT),
            s.bool("preservePath", false))),
        f.string("strategy", Service.LoadBalancer.DEFAULT_STRATEGY),
        sticky(f),
        f.object("healthCheck", false).map(ServiceDecoder::healthCheck),
        f.bool("passHostHeader", true),
        flush,
        f.string("serversTransport", ""));
  }

  private static Optional<Service.Sticky> sticky(Fields f) {
    return f.object("sticky", true).map(s -> {
      Service.Sticky sticky = new Service.Sticky(s.object("cookie", true).map(c -> {
        Service.Cookie cookie = new Service.Cookie(c.string("name", ""), c.bool("secure", false), c.bool("httpOnly", false),
            c.string("sameSite", ""), c.integer("maxAge", 0), c.string("path", "/"), c.string("domain", ""));
        c.finish();
        return cookie;
      }));
      s.finish();
      return sticky;
    });
  }

  private static Service.HealthCheck healthCheck(Fields f) {
    Service.HealthCheck hc = new Service.HealthCheck(
        f.string("scheme", ""),
        f.string("mode", "http"),
        f.string("path", ""),
        f.string("method", ""),
        f.integer("status", 0),
        f.integer("port", 0),
        f.duration("interval", Service.HealthCheck.DEFAULT_INTERVAL),
        f.duration("timeout", Service.HealthCheck.DEFAULT_TIMEOUT),
        f.string("hostname", ""),
        f.bool("followRedirects", true),
        f.stringMap("headers"));
    f.finish();
    return hc;
  }

  /** The service-level {@code healthCheck: {}} of weighted/mirroring/failover: present or not. */
  private static boolean healthCheckFlag(Fields f) {
    return f.object("healthCheck", true).map(h -> {
      h.finish();
      return true;
    }).orElse(false);
  }
}
