package io.cairn.gateway.observe;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traefik's JSON access log line (logrus' {@code JSONFormatter}): the kept fields plus {@code
 * level} ({@code info}), {@code msg} (empty) and {@code time} (RFC 3339, local zone), keys sorted as
 * Go sorts a map's, times as Go's {@code time.Time} marshals them (RFC 3339 with nanoseconds, trailing
 * zeros cut), durations as integer nanoseconds, and {@code <}, {@code >}, {@code &} escaped as Go's
 * encoder escapes them.
 */
final class JsonFormat {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private JsonFormat() {}

  static String line(Map<String, Object> fields, Instant now, ZoneId zone) {
    Map<String, Object> all = new TreeMap<>(fields);
    all.put("level", "info");
    all.put("msg", "");
    all.put("time", rfc3339(now, zone, false));
    StringBuilder b = new StringBuilder(512).append('{');
    for (Map.Entry<String, Object> e : all.entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      string(b, e.getKey());
      b.append(':');
      Object v = e.getValue();
      if (v instanceof Long || v instanceof Integer) {
        b.append(v);
      } else if (v instanceof Instant i) {
        string(b, rfc3339(i, e.getKey().equals("StartUTC") ? ZoneOffset.UTC : zone, true));
      } else {
        string(b, String.valueOf(v));
      }
    }
    return b.append("}\n").toString();
  }

  /** Go's {@code time.RFC3339} ({@code nanos} false) or {@code RFC3339Nano}; {@code Z} for UTC. */
  static String rfc3339(Instant t, ZoneId zone, boolean nanos) {
    ZonedDateTime z = t.atZone(zone);
    StringBuilder b = new StringBuilder(SECONDS.format(z));
    if (nanos && z.getNano() != 0) {
      String frac = String.format("%09d", z.getNano()).replaceFirst("0+$", "");
      b.append('.').append(frac);
    }
    int offset = z.getOffset().getTotalSeconds();
    if (offset == 0) {
      return b.append('Z').toString();
    }
    return b.append(z.getOffset().getId()).toString();
  }

  /** A JSON string as Go's {@code encoding/json} writes it (HTML-safe). */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
