package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.text.GoJson;
import io.cairn.monitor.rules.AlertInfo;
import io.cairn.monitor.rules.RuleGroupInfo;
import io.cairn.monitor.rules.RuleInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/rules} ({@code type=alert|record} filters) and {@code /api/v1/alerts} in
 * Prometheus 2.42's JSON: groups sorted by file then name, rules in file order, alert values as
 * Go's {@code FormatFloat(v, 'e', -1, 64)}, times as Go marshals {@code time.Time} (the zero time
 * before the first evaluation). Another {@code type} is 400 {@code bad_data}.
 */
final class RulesApi {
  private final StatusSource source;

  RulesApi(StatusSource source) {
    this.source = source;
  }

  void rules(HttpExchange ex, Map<String, List<String>> params) throws IOException {
    String type = Optional.ofNullable(Exchanges.first(params, "type")).orElse("").toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.equals("alert") && !type.equals("record")) {
      Exchanges.json(ex, 400, PromJson.error("bad_data", "invalid parameter \"type\": not supported value \"" + type + "\""));
      return;
    }
    boolean alerts = type.isEmpty() || type.equals("alert");
    boolean records = type.isEmpty() || type.equals("record");
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"groups\":[");
    boolean firstGroup = true;
    for (RuleGroupInfo g : source.ruleGroups()) {
      sb.append(firstGroup ? "" : ",").append("{\"name\":");
      firstGroup = false;
      GoJson.appendJson(g.name(), sb);
      sb.append(",\"file\":");
      GoJson.appendJson(g.file(), sb);
      sb.append(",\"rules\":[");
      boolean first = true;
      for (RuleInfo r : g.rules()) {
        if (r instanceof RuleInfo.Alerting a && alerts) {
          sb.append(first ? "" : ",");
          alerting(a, sb);
          first = false;
        } else if (r instanceof RuleInfo.Recording rec && records) {
          sb.append(first ? "" : ",");
          recording(rec, sb);
          first = false;
        }
      }
      sb.append("],\"interval\":").append(GoFormat.jsonFloat(g.intervalSeconds()))
          .append(",\"limit\":").append(g.limit())
          .append(",\"evaluationTime\":").append(GoFormat.jsonFloat(g.evaluationSeconds()))
          .append(",\"lastEvaluation\":");
      time(g.lastEvaluation(), sb);
      sb.append('}');
    }
    Exchanges.json(ex, 200, sb.append("]}}").toString());
  }

  void alerts(HttpExchange ex) throws IOException {
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"alerts\":");
    List<AlertInfo> all = source.ruleGroups().stream().flatMap(g -> g.rules().stream())
        .filter(r -> r instanceof RuleInfo.Alerting).flatMap(r -> ((RuleInfo.Alerting) r).alerts().stream()).toList();
    alertList(all, sb);
    Exchanges.json(ex, 200, sb.append("}}").toString());
  }

  private static void alerting(RuleInfo.Alerting a, StringBuilder sb) {
    sb.append("{\"state\":\"").append(a.state().text()).append("\",\"name\":");
    GoJson.appendJson(a.name(), sb);
    sb.append(",\"query\":");
    GoJson.appendJson(a.query(), sb);
    sb.append(",\"duration\":").append(GoFormat.jsonFloat(a.durationSeconds()));
    sb.append(",\"keepFiringFor\":").append(GoFormat.jsonFloat(a.keepFiringForSeconds()));
    sb.append(",\"labels\":");
    map(a.labels(), sb);
    sb.append(",\"annotations\":");
    map(a.annotations(), sb);
    sb.append(",\"alerts\":");
    alertList(a.alerts(), sb);
    status(a.health().text(), a.lastError(), a.evaluationSeconds(), a.lastEvaluation(), sb);
    sb.append(",\"type\":\"alerting\"}");
  }

  private static void recording(RuleInfo.Recording r, StringBuilder sb) {
    sb.append("{\"name\":");
    GoJson.appendJson(r.name(), sb);
    sb.append(",\"query\":");
    GoJson.appendJson(r.query(), sb);
    if (!r.labels().isEmpty()) {
      sb.append(",\"labels\":");
      map(r.labels(), sb);
    }
    status(r.health().text(), r.lastError(), r.evaluationSeconds(), r.lastEvaluation(), sb);
    sb.append(",\"type\":\"recording\"}");
  }

  private static void status(String health, String lastError, double evalSeconds, Instant last, StringBuilder sb) {
    sb.append(",\"health\":\"").append(health).append('"');
    if (!lastError.isEmpty()) {
      sb.append(",\"lastError\":");
      GoJson.appendJson(lastError, sb);
    }
    sb.append(",\"evaluationTime\":").append(GoFormat.jsonFloat(evalSeconds)).append(",\"lastEvaluation\":");
    time(last, sb);
  }

  private static void alertList(List<AlertInfo> alerts, StringBuilder sb) {
    sb.append('[');
    boolean first = true;
    for (AlertInfo a : alerts) {
      sb.append(first ? "{\"labels\":" : ",{\"labels\":");
      first = false;
      map(a.labels(), sb);
      sb.append(",\"annotations\":");
      map(a.annotations(), sb);
      sb.append(",\"state\":\"").append(a.state().text()).append("\",\"activeAt\":");
      time(a.activeAt(), sb);
      sb.append(",\"value\":\"").append(formatE(a.value())).append("\"}");
    }
    sb.append(']');
  }

  /** Go's {@code strconv.FormatFloat(v, 'e', -1, 64)}: {@code 1e+00}, {@code 2.5e-07}, {@code NaN}, {@code +Inf}. */
  static String formatE(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0e+00" : "0e+00";
    }
    return PromJson.formatFloatE(v);
  }

  private static void map(Map<String, String> m, StringBuilder sb) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : m.entrySet()) {
      sb.append(first ? "" : ",");
      first = false;
      GoJson.appendJson(e.getKey(), sb);
      sb.append(':');
      GoJson.appendJson(e.getValue(), sb);
    }
    sb.append('}');
  }

  private static void time(Instant t, StringBuilder sb) {
    sb.append('"').append(GoFormat.rfc3339Nano(Optional.ofNullable(t))).append('"');
  }
}
