package io.cairn.monitor.notifier;

import io.cairn.common.text.GoJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The request bodies Prometheus 2.42 posts to Alertmanager. Stateless.
 *
 * <p>v2 ({@code /api/v2/alerts}) is Alertmanager's OpenAPI {@code postableAlerts}, in the field order
 * go-swagger marshals them: {@code annotations} (left out when empty), {@code endsAt}, {@code
 * startsAt}, {@code generatorURL} (left out when empty), {@code labels}; times in UTC with
 * milliseconds ({@code 2023-01-02T03:04:05.678Z}, strfmt's format). A time that is null (unknown)
 * is left out, where Prometheus would send Go's zero time; Alertmanager treats both as "not set".
 *
 * <p>v1 ({@code /api/v1/alerts}, deprecated) is Prometheus's own {@code notifier.Alert}: {@code
 * labels}, {@code annotations}, {@code startsAt}, {@code endsAt}, {@code generatorURL}, times in
 * RFC 3339 with nanoseconds.
 */
final class AlertJson {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AlertJson() {}

  static String v2(List<Alert> alerts) {
    StringBuilder sb = new StringBuilder("[");
    for (Alert a : alerts) {
      sb.append(sb.length() > 1 ? ",{" : "{");
      int start = sb.length();
      if (!a.annotations().isEmpty()) {
        labelSet("annotations", a.annotations(), sb, start);
      }
      time("endsAt", a.endsAt(), MILLIS, sb, start);
      time("startsAt", a.startsAt(), MILLIS, sb, start);
      if (!a.generatorUrl().isEmpty()) {
        comma(sb, start).append("\"generatorURL\":");
        GoJson.appendJson(a.generatorUrl(), sb);
      }
      labelSet("labels", a.labels(), sb, start);
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  static String v1(List<Alert> alerts) {
    StringBuilder sb = new StringBuilder("[");
    for (Alert a : alerts) {
      sb.append(sb.length() > 1 ? ",{" : "{");
      int start = sb.length();
      labelSet("labels", a.labels(), sb, start);
      labelSet("annotations", a.annotations(), sb, start);
      time("startsAt", a.startsAt(), DateTimeFormatter.ISO_INSTANT, sb, start);
      time("endsAt", a.endsAt(), DateTimeFormatter.ISO_INSTANT, sb, start);
      if (!a.generatorUrl().isEmpty()) {
        comma(sb, start).append("\"generatorURL\":");
        GoJson.appendJson(a.generatorUrl(), sb);
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  /** A JSON object of the (sorted) map. */
  private static void labelSet(String field, Map<String, String> m, StringBuilder sb, int start) {
    comma(sb, start).append('"').append(field).append("\":{");
    boolean first = true;
    for (var e : m.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      GoJson.appendJson(e.getKey(), sb);
      sb.append(':');
      GoJson.appendJson(e.getValue(), sb);
    }
    sb.append('}');
  }

  private static void time(String field, Instant t, DateTimeFormatter f, StringBuilder sb, int start) {
    if (t != null) {
      comma(sb, start).append('"').append(field).append("\":\"").append(f.format(t)).append('"');
    }
  }

  private static StringBuilder comma(StringBuilder sb, int start) {
    return sb.length() > start ? sb.append(',') : sb;
  }
}
