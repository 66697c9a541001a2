package io.cairn.gateway.middleware;

import java.math.BigDecimal;

/** Go's {@code time.Duration.String()}: {@code 1h2m3.5s}, {@code 1.5s}, {@code 250ms}, {@code 0s}. */
final class GoDurationText {
  private GoDurationText() {}

  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long n = Math.abs(nanos);
    if (n < 1_000) {
      return sign + n + "ns";
    }
    if (n < 1_000_000) {
      return sign + decimal(n, 1_000) + "µs";
    }
    if (n < 1_000_000_000) {
      return sign + decimal(n, 1_000_000) + "ms";
    }
    long h = n / 3_600_000_000_000L;
    long m = n / 60_000_000_000L % 60;
    long rest = n % 60_000_000_000L;
    StringBuilder sb = new StringBuilder(sign);
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    return sb.append(decimal(rest, 1_000_000_000)).append('s').toString();
  }

  private static String decimal(long n, long unit) {
    return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
  }
}
