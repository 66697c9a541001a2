package io.cairn.monitor.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Go's renderings that the JSON of the status endpoints carries: times and float64 numbers. */
final class GoFormat {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoFormat() {}

  /**
   * A UTC time as Go's {@code time.Time} marshals to JSON (RFC 3339 with up to nine fraction digits,
   * trailing zeros dropped); absent is Go's zero time {@code 0001-01-01T00:00:00Z}.
   */
  static String rfc3339Nano(Optional<Instant> t) {
    if (t.isEmpty()) {
      return "0001-01-01T00:00:00Z";
    }
    Instant i = t.get();
    StringBuilder sb = new StringBuilder(SECONDS.format(i));
    int nanos = i.getNano();
    if (nanos != 0) {
      String f = String.format("%09d", nanos);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(f, 0, end);
    }
    return sb.append('Z').toString();
  }

  /**
   * A float64 as Go's {@code encoding/json}: shortest decimal, plain unless below 1e-6 or from 1e21
   * on, where it is {@code 1.5e-7} / {@code 1e+21}. NaN and infinities cannot be JSON; they are
   * rendered as {@code null} (Go would fail the whole response).
   */
  static String jsonFloat(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    double abs = Math.abs(v);
    if (abs == 0 || (abs >= 1e-6 && abs < 1e21)) {
      return PromJson.formatFloat(v);
    }
    BigDecimal bd = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale();
    StringBuilder sb = new StringBuilder(v < 0 ? "-" : "").append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int e = Math.abs(exp);
    return sb.append(exp < 0 || e >= 10 ? "" : "0").append(e).toString(); // Go cleans e-07 to e-7, keeps e+21
  }
}
