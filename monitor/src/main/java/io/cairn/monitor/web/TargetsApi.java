package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.text.GoJson;
import io.cairn.common.text.PromDuration;
import io.cairn.monitor.scrape.ActiveTarget;
import io.cairn.monitor.scrape.DroppedTarget;
import io.cairn.monitor.scrape.ScrapeTarget;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prometheus's {@code GET|POST /api/v1/targets}: {@code state=active|dropped|any} (ignoring case;
 * absent means any; anything else gives both lists empty, as Prometheus). Pools are sorted by
 * name; within a pool targets keep discovery order (Prometheus's order there is a map's, i.e.
 * random). {@code globalUrl} is the scrape URL with a loopback host ({@code 127.0.0.1}, {@code
 * localhost}, {@code ::1}) replaced by the machine's hostname, and for the monitor's own port the
 * scheme and host of its external URL ({@code http://<hostname>:<port>}), as Prometheus's {@code
 * getGlobalURL}.
 */
final class TargetsApi {
  private static final List<String> LOCALHOSTS = List.of("127.0.0.1", "localhost", "::1");

  private final StatusSource source;
  private final String hostname;
  private final int ownPort;

  /**
   * @param hostname the host of the external URL (the machine's hostname)
   * @param ownPort the monitor's listen port
   */
  TargetsApi(StatusSource source, String hostname, int ownPort) {
    this.source = source;
    this.hostname = hostname;
    this.ownPort = ownPort;
  }

  void targets(HttpExchange ex) throws IOException {
    String state = Exchanges.first(Exchanges.query(ex), "state");
    state = state == null ? "" : state.toLowerCase(Locale.ROOT);
    boolean active = state.isEmpty() || state.equals("any") || state.equals("active");
    boolean dropped = state.isEmpty() || state.equals("any") || state.equals("dropped");
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"activeTargets\":[");
    if (active) {
      boolean first = true;
      for (var pool : new TreeMap<>(source.activeTargets()).entrySet()) {
        for (ActiveTarget t : pool.getValue()) {
          sb.append(first ? "" : ",");
          first = false;
          target(pool.getKey(), t, sb);
        }
      }
    }
    sb.append("],\"droppedTargets\":[");
    if (dropped) {
      boolean first = true;
      for (var pool : new TreeMap<>(source.droppedTargets()).entrySet()) {
        for (DroppedTarget t : pool.getValue()) {
          sb.append(first ? "{\"discoveredLabels\":" : ",{\"discoveredLabels\":");
          first = false;
          PromJson.labels(t.discoveredLabels(), sb);
          sb.append('}');
        }
      }
    }
    Exchanges.json(ex, 200, sb.append("]}}").toString());
  }

  private void target(String pool, ActiveTarget a, StringBuilder sb) {
    ScrapeTarget t = a.target();
    sb.append("{\"discoveredLabels\":");
    PromJson.labels(t.discoveredLabels(), sb);
    sb.append(",\"labels\":");
    PromJson.labels(t.labels(), sb);
    field("scrapePool", pool, sb);
    field("scrapeUrl", t.url().toString(), sb);
    field("globalUrl", globalUrl(t.url()), sb);
    field("lastError", a.lastError(), sb);
    field("lastScrape", GoFormat.rfc3339Nano(a.lastScrape()), sb);
    sb.append(",\"lastScrapeDuration\":").append(GoFormat.jsonFloat(a.lastScrapeDuration().toNanos() / 1e9));
    field("health", a.health().apiName(), sb);
    field("scrapeInterval", new PromDuration(t.interval().toMillis()).toString(), sb);
    field("scrapeTimeout", new PromDuration(t.timeout().toMillis()).toString(), sb);
    sb.append('}');
  }

  private static void field(String name, String value, StringBuilder sb) {
    sb.append(",\"").append(name).append("\":");
    GoJson.appendJson(value, sb);
  }

  /** Prometheus's {@code getGlobalURL} with the external URL {@code http://<hostname>:<ownPort>/}. */
  String globalUrl(URI url) {
    String host = url.getHost();
    int port = url.getPort();
    if (host == null || port < 0) {
      return url.toString(); // Prometheus: SplitHostPort fails, URL unchanged
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!LOCALHOSTS.contains(bare)) {
      return url.toString();
    }
    String scheme = port == ownPort ? "http" : url.getScheme();
    return scheme + "://" + hostname + ":" + port + Optional.ofNullable(url.getRawPath()).orElse("")
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
  }

  /** Go's {@code strconv.Atoi} of {@code limit}, -1 when absent; null when not a number. */
  static Integer limit(Map<String, List<String>> params) {
    String s = Exchanges.first(params, "limit");
    if (s == null || s.isEmpty()) {
      return -1;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
