package io.cairn.gateway.provider.file;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.HttpConfig;
import io.cairn.gateway.config.TlsConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the files of a directory the way Traefik's file provider does: files in name order, and
 * an element (router, service, middleware, servers transport, TLS options, TLS store) defined in
 * several files is taken from the first and the later ones are skipped with a warning ("HTTP router
 * already configured, skipping"); TLS certificates from all files are kept, duplicates once. Not
 * thread-safe; one instance per load.
 */
final class Merger {
  private final Map<String, Object> routers = new LinkedHashMap<>();
  private final Map<String, Object> services = new LinkedHashMap<>();
  private final Map<String, Object> middlewares = new LinkedHashMap<>();
  private final Map<String, Object> transports = new LinkedHashMap<>();
  private final Map<String, Object> options = new LinkedHashMap<>();
  private final Map<String, Object> stores = new LinkedHashMap<>();
  private final List<TlsConfig.Certificate> certificates = new ArrayList<>();
  private final Map<String, Path> origins = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  void add(Path file, DynamicConfig c) {
    put(file, "http.routers.", "HTTP router", c.http().routers(), routers);
    put(file, "http.services.", "HTTP service", c.http().services(), services);
    put(file, "http.middlewares.", "HTTP middleware", c.http().middlewares(), middlewares);
    put(file, "http.serversTransports.", "HTTP servers transport", c.http().serversTransports(), transports);
    put(file, "tls.options.", "TLS options", c.tls().options(), options);
    put(file, "tls.stores.", "TLS store", c.tls().stores(), stores);
    for (TlsConfig.Certificate cert : c.tls().certificates()) {
      if (!certificates.contains(cert)) {
        origins.put("tls.certificates[" + certificates.size() + "]", file);
        certificates.add(cert);
      }
    }
  }

  private void put(Path file, String prefix, String what, Map<String, ?> from, Map<String, Object> into) {
    from.forEach((name, value) -> {
      if (into.containsKey(name)) {
        warnings.add(what + " already configured, skipping: " + name + " in " + file + " (first defined in "
            + origins.get(prefix + name) + ")");
      } else {
        into.put(name, value);
        origins.put(prefix + name, file);
      }
    });
  }

  @SuppressWarnings("unchecked")
  DynamicConfig config() {
    return new DynamicConfig(
        new HttpConfig((Map) routers, (Map) services, (Map) middlewares, (Map) transports),
        new TlsConfig(certificates, (Map) options, (Map) stores));
  }

  Map<String, Path> origins() {
    return origins;
  }

  List<String> warnings() {
    return warnings;
  }

  /** The file that defined the element a problem key points into, or null. */
  static Path originOf(String key, Map<String, Path> origins) {
    Path best = null;
    int bestLength = -1;
    for (Map.Entry<String, Path> e : origins.entrySet()) {
      String k = e.getKey();
      boolean inside = key.equals(k) || key.startsWith(k + ".") || key.startsWith(k + "[");
      if (inside && k.length() > bestLength) {
        best = e.getValue();
        bestLength = k.length();
      }
    }
    return best;
  }
}
