package io.cairn.monitor.template;

import io.cairn.monitor.template.gotemplate.GoStringer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A Go {@code *time.Time} in UTC, printed as Go's {@code Time.String}: {@code 2006-01-02
 * 15:04:05.999999999 +0000 UTC} (fraction without trailing zeros).
 */
record GoTime(long unixNanos) implements GoStringer {
  @Override
  public String goType() {
    return "*time.Time";
  }

  @Override
  public String goString() {
    ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L))
        .atZone(ZoneOffset.UTC);
    StringBuilder b = new StringBuilder();
    int year = t.getYear();
    b.append(year < 0 ? "-" : "").append(String.format("%04d", Math.abs(year)));
    b.append(String.format("-%02d-%02d %02d:%02d:%02d", t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
        t.getMinute(), t.getSecond()));
    int nanos = t.getNano();
    if (nanos != 0) {
      String frac = String.format("%09d", nanos);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(frac, 0, end);
    }
    return b.append(" +0000 UTC").toString();
  }
}
