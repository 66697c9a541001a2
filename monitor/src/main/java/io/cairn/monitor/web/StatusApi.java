package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.metrics.BuildInfo;
import io.cairn.common.text.GoJson;
import io.cairn.tsdb.head.PostingsStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prometheus's {@code /api/v1/status/*} endpoints and {@code /api/v1/alertmanagers}, in Prometheus
 * 2.42's JSON (field names and order; Go's sorted map keys).
 *
 * <p>Build info: cairn reports itself as Prometheus {@value #PROMETHEUS_VERSION} (the API it
 * implements), so that Grafana and other clients that read {@code version} enable what 2.42 has;
 * cairn's own version is in {@code branch} ({@code cairn-<version>}), its git revision in {@code
 * revision}, and the Java runtime in {@code goVersion} ({@code java<version>}).
 *
 * <p>Runtime info: {@code goroutineCount} is the JVM's live platform threads, {@code GOMAXPROCS}
 * the available processors, {@code GOGC} and {@code GODEBUG} are empty.
 */
final class StatusApi {
  /** The Prometheus version cairn answers as. */
  static final String PROMETHEUS_VERSION = "2.42.0";

  private final StatusSource source;

  StatusApi(StatusSource source) {
    this.source = source;
  }

  /** Answers {@code path} (one of the routes above), or 404. */
  void handle(HttpExchange ex, String path) throws IOException {
    String data = switch (path) {
      case "/api/v1/status/config" -> {
        StringBuilder sb = new StringBuilder("{\"yaml\":");
        GoJson.appendJson(source.configYaml(), sb);
        yield sb.append('}').toString();
      }
      case "/api/v1/status/flags" -> flags();
      case "/api/v1/status/buildinfo" -> buildInfo(BuildInfo.current());
      case "/api/v1/status/runtimeinfo" -> runtimeInfo(source.runtimeInfo());
      case "/api/v1/status/tsdb" -> tsdb(source.tsdbStatus());
      case "/api/v1/alertmanagers" -> alertmanagers(source.alertmanagers());
      default -> null;
    };
    if (data == null) {
      Exchanges.json(ex, 404, PromJson.error("not_found", "no such API endpoint: " + path));
    } else {
      Exchanges.json(ex, 200, "{\"status\":\"success\",\"data\":" + data + "}");
    }
  }

  /** {@code {"activeAlertmanagers":[{"url":...}],"droppedAlertmanagers":[...]}}, as Prometheus 2.42. */
  static String alertmanagers(StatusSource.Alertmanagers a) {
    StringBuilder sb = new StringBuilder("{\"activeAlertmanagers\":");
    urls(a.active(), sb);
    sb.append(",\"droppedAlertmanagers\":");
    urls(a.dropped(), sb);
    return sb.append('}').toString();
  }

  private static void urls(List<String> urls, StringBuilder sb) {
    sb.append('[');
    for (int i = 0; i < urls.size(); i++) {
      sb.append(i > 0 ? ",{\"url\":" : "{\"url\":");
      GoJson.appendJson(urls.get(i), sb);
      sb.append('}');
    }
    sb.append(']');
  }

  private String flags() {
    StringBuilder sb = new StringBuilder("{");
    for (var e : new TreeMap<>(source.flags()).entrySet()) {
      sb.append(sb.length() > 1 ? "," : "");
      GoJson.appendJson(e.getKey(), sb);
      sb.append(':');
      GoJson.appendJson(e.getValue(), sb);
    }
    return sb.append('}').toString();
  }

  static String buildInfo(BuildInfo b) {
    StringBuilder sb = new StringBuilder("{\"version\":\"" + PROMETHEUS_VERSION + "\"");
    field("revision", b.revision(), sb);
    field("branch", "cairn-" + b.version(), sb);
    field("buildUser", "cairn", sb);
    field("buildDate", "", sb);
    field("goVersion", "java" + b.javaVersion(), sb);
    return sb.append('}').toString();
  }

  static String runtimeInfo(StatusSource.RuntimeInfo r) {
    StringBuilder sb = new StringBuilder("{\"startTime\":");
    GoJson.appendJson(GoFormat.rfc3339Nano(Optional.of(r.startTime())), sb);
    field("CWD", r.cwd(), sb);
    sb.append(",\"reloadConfigSuccess\":").append(r.reloadConfigSuccess());
    Instant last = r.lastConfigTime() == null ? Instant.EPOCH : r.lastConfigTime().truncatedTo(ChronoUnit.SECONDS);
    field("lastConfigTime", GoFormat.rfc3339Nano(Optional.of(last)), sb);
    sb.append(",\"corruptionCount\":").append(r.corruptionCount());
    sb.append(",\"goroutineCount\":").append(ManagementFactory.getThreadMXBean().getThreadCount());
    sb.append(",\"GOMAXPROCS\":").append(Runtime.getRuntime().availableProcessors());
    sb.append(",\"GOGC\":\"\",\"GODEBUG\":\"\"");
    field("storageRetention", r.storageRetention(), sb);
    return sb.append('}').toString();
  }

  static String tsdb(StatusSource.TsdbStatus t) {
    PostingsStats p = t.postings();
    StringBuilder sb = new StringBuilder("{\"headStats\":{\"numSeries\":").append(t.numSeries())
        .append(",\"numLabelPairs\":").append(p.numLabelPairs())
        .append(",\"chunkCount\":").append(t.chunkCount())
        .append(",\"minTime\":").append(t.minTime())
        .append(",\"maxTime\":").append(t.maxTime()).append('}');
    stats("seriesCountByMetricName", p.seriesCountByMetricName(), sb);
    stats("labelValueCountByLabelName", p.labelValueCountByLabelName(), sb);
    stats("memoryInBytesByLabelName", p.memoryInBytesByLabelName(), sb);
    stats("seriesCountByLabelValuePair", p.seriesCountByLabelValuePair(), sb);
    return sb.append('}').toString();
  }

  private static void stats(String name, List<PostingsStats.Stat> stats, StringBuilder sb) {
    sb.append(",\"").append(name).append("\":[");
    for (int i = 0; i < stats.size(); i++) {
      sb.append(i > 0 ? ",{\"name\":" : "{\"name\":");
      GoJson.appendJson(stats.get(i).name(), sb);
      sb.append(",\"value\":").append(stats.get(i).value()).append('}');
    }
    sb.append(']');
  }

  private static void field(String name, String value, StringBuilder sb) {
    sb.append(",\"").append(name).append("\":");
    GoJson.appendJson(value, sb);
  }
}
