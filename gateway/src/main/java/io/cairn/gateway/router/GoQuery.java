package io.cairn.gateway.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go's {@code url.ParseQuery} as {@code req.URL.Query()} uses it (errors drop the pair). */
public final class GoQuery {
  private GoQuery() {}

  /**
   * Parses a raw query string (the request target after {@code ?}, without the {@code ?}).
   *
   * <p>Pairs are separated by {@code &}; a pair containing {@code ;} is dropped (Go 1.17+);
   * key and value are split at the first {@code =} (no {@code =}: the value is {@code ""}) and
   * percent-decoded with {@code +} as a space; a pair with a bad escape is dropped.
   *
   * @param rawQuery the raw query; {@code null} or empty gives the empty map
   * @return an unmodifiable map, keys in first-seen order, values in request order
   */
  public static Map<String, List<String>> parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    int start = 0;
    while (start <= rawQuery.length()) {
      int amp = rawQuery.indexOf('&', start);
      int end = amp < 0 ? rawQuery.length() : amp;
      String pair = rawQuery.substring(start, end);
      start = end + 1;
      if (pair.isEmpty() || pair.indexOf(';') >= 0) {
        if (amp < 0) {
          break;
        }
        continue;
      }
      int eq = pair.indexOf('=');
      String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
      if (key != null && value != null) {
        out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
      }
      if (amp < 0) {
        break;
      }
    }
    out.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(out);
  }

  /** Go's {@code url.QueryUnescape}; null on a bad escape. */
  static String unescape(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= in.length) {
          return null;
        }
        int hi = Character.digit(in[i + 1], 16);
        int lo = Character.digit(in[i + 2], 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
