package io.cairn.promql.promqltest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus's {@code model.ParseDuration}: {@code 1y2w3d4h5m6s7ms} (each unit optional, in order) or {@code 0}. */
final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
  private static final long[] UNIT = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};

  private Durations() {}

  static long parse(String s) {
    if (s.equals("0")) {
      return 0;
    }
    Matcher m = DURATION.matcher(s);
    if (s.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("not a duration: \"" + s + "\"");
    }
    long total = 0;
    for (int g = 1; g <= 7; g++) {
      if (m.group(g) != null) {
        total += Long.parseLong(m.group(g)) * UNIT[g - 1];
      }
    }
    return total;
  }
}
