package io.cairn.gateway.observe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Traefik's common log format ({@code CommonLogFormatter}): {@code <client> - <user> [<time>]
 * "<method> <path> <protocol>" <origin status> <origin size> "<referer>" "<user agent>" <request
 * count> "<router>" "<server URL>" <duration>ms}, read from the kept fields. As in Traefik, a
 * missing field is {@code -} (quoted where the field is quoted), the status and size are the
 * origin's (so {@code - -} for answers the gateway gave itself: 404, redirects, 401…), and referer
 * and user agent are {@code "-"} unless {@code accessLog.fields.headers} keeps those headers.
 */
final class CommonFormat {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CommonFormat() {}

  static String line(Map<String, Object> f) {
    Object start = f.get("StartUTC");
    String time = start instanceof Instant i ? TIME.format(i) : "-";
    long millis = f.get("Duration") instanceof Long d ? d / 1_000_000 : 0;
    return plain(f, "ClientHost") + " - " + plain(f, "ClientUsername") + " [" + time + "] \""
        + plain(f, "RequestMethod") + " " + plain(f, "RequestPath") + " " + plain(f, "RequestProtocol") + "\" "
        + quoted(f, "OriginStatus", "-") + " " + quoted(f, "OriginContentSize", "-") + " "
        + quoted(f, "request_Referer", "\"-\"") + " " + quoted(f, "request_User-Agent", "\"-\"") + " "
        + quoted(f, "RequestCount", "-") + " " + quoted(f, "RouterName", "\"-\"") + " "
        + quoted(f, "ServiceURL", "\"-\"") + " " + millis + "ms\n";
  }

  /** Traefik's {@code toLog} unquoted: the value, or {@code -} when missing or empty. */
  private static String plain(Map<String, Object> f, String key) {
    Object v = f.get(key);
    return v == null || v.toString().isEmpty() ? "-" : v.toString();
  }

  /** Traefik's {@code toLog} quoted: strings quoted, numbers bare, {@code dflt} when missing or empty. */
  private static String quoted(Map<String, Object> f, String key, String dflt) {
    Object v = f.get(key);
    if (v == null || v.toString().isEmpty()) {
      return dflt;
    }
    return v instanceof String s ? "\"" + s + "\"" : v.toString();
  }
}
