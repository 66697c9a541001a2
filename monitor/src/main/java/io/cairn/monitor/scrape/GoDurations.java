package io.cairn.monitor.scrape;

import java.time.Duration;

/** Go's {@code time.Duration} renderings that Prometheus puts in labels and headers. */
final class GoDurations {
  private GoDurations() {}

  /** Go's {@code time.Duration.String()} at millisecond precision: {@code 100ms}, {@code 1.5s}, {@code 1m0s}. */
  static String goString(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    StringBuilder sb = new StringBuilder();
    long h = ms / 3600_000;
    long m = ms % 3600_000 / 60_000;
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    return sb.append(seconds(ms % 60_000)).append('s').toString();
  }

  /** Seconds as Go's {@code strconv.FormatFloat(s, 'f', -1, 64)}: {@code 10}, {@code 0.2}, {@code 1.5}. */
  static String seconds(long millis) {
    if (millis % 1000 == 0) {
      return Long.toString(millis / 1000);
    }
    return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }
}
