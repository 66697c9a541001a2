package io.cairn.tsdb.block;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few OpenMetrics lines the block tests feed to promtool ({@code name{l="v",...} value
 * seconds}), parsed into samples. Only for tests: the monitor owns the real parser.
 */
final class OpenMetricsSamples {
  private OpenMetricsSamples() {}

  static Map<Labels, List<Sample>> parse(String text) {
    Map<Labels, List<Sample>> out = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int close = line.lastIndexOf('}');
      Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, line.substring(0, brace));
      String body = line.substring(brace + 1, close);
      int i = 0;
      while (i < body.length()) {
        int eq = body.indexOf('=', i);
        String name = body.substring(i, eq);
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        while (body.charAt(j) != '"') {
          if (body.charAt(j) == '\\') {
            j++;
            v.append(body.charAt(j) == 'n' ? '\n' : body.charAt(j));
          } else {
            v.append(body.charAt(j));
          }
          j++;
        }
        b.set(name, v.toString());
        i = j + 1;
        if (i < body.length() && body.charAt(i) == ',') {
          i++;
        }
      }
      String[] rest = line.substring(close + 1).trim().split(" ");
      long t = new BigDecimal(rest[1]).movePointRight(3).longValueExact();
      out.computeIfAbsent(b.build(), k -> new ArrayList<>()).add(new Sample(t, Double.parseDouble(rest[0])));
    }
    return out;
  }
}
