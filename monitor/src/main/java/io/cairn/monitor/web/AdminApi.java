package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.text.GoJson;
import io.cairn.common.text.GoStrings;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Prometheus's TSDB admin API, of which cairn has {@code POST|PUT /api/v1/admin/tsdb/snapshot}
 * ({@code ?skip_head=true} leaves the head out). Off unless {@code --web.enable-admin-api}; when off
 * every admin path answers 503 {@code unavailable} "admin APIs disabled", as Prometheus.
 */
final class AdminApi {
  static final String SNAPSHOT = "/api/v1/admin/tsdb/snapshot";

  private final MonitorWeb.Snapshots snapshots;

  /** {@code snapshots} null means the admin API is disabled. */
  AdminApi(MonitorWeb.Snapshots snapshots) {
    this.snapshots = snapshots;
  }

  void handle(HttpExchange ex, String path, String method, Map<String, List<String>> params) throws IOException {
    if (!path.equals(SNAPSHOT)) {
      Exchanges.text(ex, 404, "404 page not found\n");
      return;
    }
    if (!method.equals("POST") && !method.equals("PUT")) {
      ex.getResponseHeaders().set("Allow", "POST, PUT");
      Exchanges.text(ex, 405, "Method Not Allowed\n");
      return;
    }
    if (snapshots == null) {
      Exchanges.json(ex, 503, PromJson.error("unavailable", "admin APIs disabled"));
      return;
    }
    boolean skipHead = false;
    String skip = Exchanges.first(params, "skip_head");
    if (skip != null && !skip.isEmpty()) {
      Boolean parsed = goBool(skip);
      if (parsed == null) {
        Exchanges.json(ex, 400, PromJson.error("bad_data",
            "unable to parse boolean 'skip_head' argument: strconv.ParseBool: parsing " + GoStrings.quote(skip) + ": invalid syntax"));
        return;
      }
      skipHead = parsed;
    }
    String name;
    try {
      name = snapshots.snapshot(skipHead);
    } catch (IOException e) {
      Exchanges.json(ex, 500, PromJson.error("internal", "create snapshot: " + e.getMessage()));
      return;
    }
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"name\":");
    GoJson.appendJson(name, sb);
    Exchanges.json(ex, 200, sb.append("}}").toString());
  }

  /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False; else null. */
  static Boolean goBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> null;
    };
  }
}
