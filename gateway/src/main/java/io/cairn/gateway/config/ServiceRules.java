package io.cairn.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Option checks for services and the services they reference. */
final class ServiceRules {
  static final List<String> STRATEGIES = List.of("wrr", "p2c");
  static final List<String> SAME_SITE = List.of("", "none", "lax", "strict");
  static final List<String> SCHEMES = List.of("http", "https", "h2c");

  private ServiceRules() {}

  /** The services {@code service} references (for cycle detection). */
  static List<String> children(Service service) {
    return switch (service) {
      case Service.LoadBalancer lb -> List.of();
      case Service.FileServer fs -> List.of();
      case Service.Weighted w -> w.services().stream().map(Service.WeightedRef::name).toList();
      case Service.Mirroring m -> {
        List<String> all = new ArrayList<>();
        all.add(m.service());
        m.mirrors().forEach(x -> all.add(x.name()));
        yield all;
      }
      case Service.Failover f -> List.of(f.service(), f.fallback());
    };
  }

  static void check(String key, Service service, Refs refs, Problems problems) {
    switch (service) {
      case Service.LoadBalancer lb -> loadBalancer(key + ".loadBalancer", lb, refs, problems);
      case Service.Weighted w -> {
        for (int i = 0; i < w.services().size(); i++) {
          String k = key + ".weighted.services[" + i + "]";
          Service.WeightedRef ref = w.services().get(i);
          required(k + ".name", ref.name(), refs, problems);
          if (ref.weight() < 0) {
            problems.add(k + ".weight", "expected a weight of 0 or more, got " + ref.weight());
          }
        }
        w.sticky().ifPresent(s -> sticky(key + ".weighted.sticky", s, problems));
      }
      case Service.Mirroring m -> {
        required(key + ".mirroring.service", m.service(), refs, problems);
        for (int i = 0; i < m.mirrors().size(); i++) {
          String k = key + ".mirroring.mirrors[" + i + "]";
          required(k + ".name", m.mirrors().get(i).name(), refs, problems);
          int percent = m.mirrors().get(i).percent();
          if (percent < 0 || percent > 100) {
            problems.add(k + ".percent", "expected a percentage from 0 to 100, got " + percent);
          }
        }
      }
      case Service.Failover f -> {
        required(key + ".failover.service", f.service(), refs, problems);
        required(key + ".failover.fallback", f.fallback(), refs, problems);
      }
      case Service.FileServer fs -> fileServer(key + ".fileServer", fs, problems);
    }
  }

  private static void fileServer(String key, Service.FileServer fs, Problems problems) {
    if (fs.root().isEmpty()) {
      problems.add(key + ".root", "a root directory is required");
    } else {
      try {
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(fs.root()))) {
          problems.add(key + ".root", "\"" + fs.root() + "\" is not an existing directory; expected the directory to serve");
        }
      } catch (java.nio.file.InvalidPathException e) {
        problems.add(key + ".root", "\"" + fs.root() + "\" is not a valid path: " + e.getReason());
      }
    }
    for (int i = 0; i < fs.index().size(); i++) {
      String name = fs.index().get(i);
      if (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
        problems.add(key + ".index[" + i + "]", "expected a plain file name such as index.html, got \"" + name + "\"");
      }
    }
    for (int i = 0; i < fs.precompressed().size(); i++) {
      String e = fs.precompressed().get(i);
      if (!List.of("gzip", "br", "zstd").contains(e)) {
        problems.add(key + ".precompressed[" + i + "]", "expected gzip, br or zstd, got \"" + e + "\"");
      }
    }
  }

  private static void required(String key, String ref, Refs refs, Problems problems) {
    if (ref.isEmpty()) {
      problems.add(key, "a service name is required");
    } else {
      refs.service(key, ref, problems);
    }
  }

  private static void loadBalancer(String key, Service.LoadBalancer lb, Refs refs, Problems problems) {
    if (!STRATEGIES.contains(lb.strategy())) {
      problems.add(key + ".strategy", "expected wrr or p2c, got \"" + lb.strategy() + "\"");
    }
    for (int i = 0; i < lb.servers().size(); i++) {
      String k = key + ".servers[" + i + "]";
      Service.Server server = lb.servers().get(i);
      url(k + ".url", server.url(), problems);
      if (server.weight() < 0) {
        problems.add(k + ".weight", "expected a weight of 0 or more, got " + server.weight());
      }
    }
    lb.sticky().ifPresent(s -> sticky(key + ".sticky", s, problems));
    lb.healthCheck().ifPresent(hc -> {
      if (!List.of("http", "grpc").contains(hc.mode())) {
        problems.add(key + ".healthCheck.mode", "expected http or grpc, got \"" + hc.mode() + "\"");
      }
      if (hc.interval().isNegative() || hc.interval().isZero()) {
        problems.add(key + ".healthCheck.interval", "expected a positive duration, got " + GoDuration.format(hc.interval()));
      }
      if (hc.timeout().isNegative() || hc.timeout().isZero()) {
        problems.add(key + ".healthCheck.timeout", "expected a positive duration, got " + GoDuration.format(hc.timeout()));
      }
      if (hc.port() < 0 || hc.port() > 65535) {
        problems.add(key + ".healthCheck.port", "expected a port from 0 to 65535, got " + hc.port());
      }
    });
    if (!lb.serversTransport().isEmpty()) {
      refs.serversTransport(key + ".serversTransport", lb.serversTransport(), problems);
    }
  }

  private static void sticky(String key, Service.Sticky sticky, Problems problems) {
    sticky.cookie().ifPresent(c -> {
      if (!SAME_SITE.contains(c.sameSite().toLowerCase(Locale.ROOT))) {
        problems.add(key + ".cookie.sameSite", "expected none, lax or strict, got \"" + c.sameSite() + "\"");
      }
    });
  }

  /** An absolute http, https or h2c URL with a host. */
  static void url(String key, String url, Problems problems) {
    if (url.isEmpty()) {
      problems.add(key, "a server needs a url");
      return;
    }
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        problems.add(key, "expected an http, https or h2c URL, got \"" + url + "\"");
      } else if (uri.getHost() == null) {
        problems.add(key, "expected a URL with a host, got \"" + url + "\"");
      }
    } catch (URISyntaxException e) {
      problems.add(key, "not a valid URL: " + e.getMessage());
    }
  }
}
