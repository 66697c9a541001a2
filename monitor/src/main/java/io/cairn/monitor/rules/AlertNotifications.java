package io.cairn.monitor.rules;

import io.cairn.monitor.notifier.Alert;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus's {@code AlertingRule.sendAlerts} and {@code main.sendAlerts}: which alerts go out
 * after an evaluation and what they look like. An alert is sent when it fires and every resend
 * delay after, and once more when it resolves; {@code endsAt} is the resolve time, or for a firing
 * alert {@code evaluation time + 4 × max(resend delay, group interval)} (two missed evaluations or
 * sends tolerated); {@code startsAt} is when it started firing.
 */
final class AlertNotifications {
  private AlertNotifications() {}

  /** Marks the due alerts as sent at {@code ts} and returns them converted (possibly empty). */
  static List<Alert> due(AlertingRule rule, long ts, long resendDelayMillis, long intervalMillis, String externalUrl) {
    List<Alert> out = new ArrayList<>();
    String url = externalUrl + tableLink(rule.query());
    rule.forEachAlert(a -> {
      if (!a.needsSending(ts, resendDelayMillis)) {
        return;
      }
      a.lastSentAt = ts;
      a.validUntil = ts + 4 * Math.max(resendDelayMillis, intervalMillis);
      long end = a.resolvedAt != ActiveAlert.NONE ? a.resolvedAt : a.validUntil;
      out.add(new Alert(map(a.labels), a.annotations, instant(a.firedAt), instant(end), url));
    });
    return out;
  }

  /** {@code /graph?g0.expr=<query-escaped expr>&g0.tab=1}, as Prometheus's {@code TableLinkForExpression}. */
  static String tableLink(String expr) {
    return "/graph?g0.expr=" + queryEscape(expr) + "&g0.tab=1";
  }

  /** Go's {@code url.QueryEscape}: space as {@code +}, unreserved {@code A-Za-z0-9-_.~} kept. */
  static String queryEscape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }

  private static Map<String, String> map(io.cairn.tsdb.model.Labels labels) {
    Map<String, String> m = new TreeMap<>();
    labels.forEach(l -> m.put(l.name(), l.value()));
    return m;
  }

  private static Instant instant(long ms) {
    return ms == ActiveAlert.NONE ? null : Instant.ofEpochMilli(ms);
  }
}
