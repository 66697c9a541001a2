package io.cairn.promql.engine;

import io.cairn.tsdb.model.Labels;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** {@code year()}, {@code month()}, {@code hour()}, … in UTC, of the argument's values (seconds) or of the evaluation time. */
final class DateFunctions {
  private DateFunctions() {}

  static List<Sample> apply(String name, List<List<Sample>> v, long ts) {
    if (v.isEmpty()) {
      return List.of(new Sample(Labels.EMPTY, ts, field(name, Math.floorDiv(ts, 1000))));
    }
    List<Sample> out = new ArrayList<>(v.get(0).size());
    for (Sample s : v.get(0)) {
      out.add(new Sample(Labelling.dropMetricName(s.labels()), s.t(), field(name, goInt64(s.v()))));
    }
    return out;
  }

  /** Go's {@code int64(f)} on amd64: truncation, and the minimum for NaN and out-of-range values. */
  private static long goInt64(double f) {
    if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) f;
  }

  private static double field(String name, long seconds) {
    ZonedDateTime t;
    try {
      t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return Double.NaN;
    }
    return switch (name) {
      case "days_in_month" -> t.toLocalDate().lengthOfMonth();
      case "day_of_month" -> t.getDayOfMonth();
      case "day_of_week" -> t.getDayOfWeek().getValue() % 7;
      case "day_of_year" -> t.getDayOfYear();
      case "hour" -> t.getHour();
      case "minute" -> t.getMinute();
      case "month" -> t.getMonthValue();
      case "year" -> t.getYear();
      default -> throw new QueryException(QueryException.ErrorType.INTERNAL, "not a date function: " + name);
    };
  }
}
