package io.cairn.monitor.ingest.lineprotocol;

import io.cairn.common.text.GoStrings;

import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Field;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Kind;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Tag;
import io.cairn.tsdb.model.Labels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a parsed point to Prometheus series, as the package documentation describes: one series
 * {@code <measurement>_<field>{tags}} per numeric or boolean field, names sanitised, the timestamp
 * in milliseconds.
 */
final class SeriesMapper {
  /** InfluxDB's earliest and latest representable times, in nanoseconds. */
  static final long MIN_NANOS = Long.MIN_VALUE + 2;

  static final long MAX_NANOS = Long.MAX_VALUE - 1;

  private SeriesMapper() {}

  /**
   * Appends the point's samples to {@code out}.
   *
   * @return how many string fields were dropped
   */
  static int map(ParsedPoint p, long timestampMs, List<SeriesSample> out)
      throws PointSyntaxException {
    Labels tags = tagLabels(p.tags());
    int strings = 0;
    for (Field f : p.fields()) {
      if (f.kind() == Kind.STRING) {
        strings++;
        continue;
      }
      String name = PromNames.metricName(p.measurement() + "_" + f.key());
      out.add(new SeriesSample(tags.toBuilder().set(Labels.METRIC_NAME, name).build(), timestampMs, f.value()));
    }
    return strings;
  }

  private static Labels tagLabels(List<Tag> tags) throws PointSyntaxException {
    if (tags.isEmpty()) {
      return Labels.EMPTY;
    }
    Labels.Builder b = Labels.builder();
    Map<String, String> origin = new HashMap<>();
    for (Tag t : tags) {
      String name = PromNames.labelName(t.key());
      if (name.equals(Labels.METRIC_NAME)) {
        throw new PointSyntaxException("tag key " + GoStrings.quote(t.key()) + " is reserved for the metric name");
      }
      String earlier = origin.putIfAbsent(name, t.key());
      if (earlier != null) {
        throw new PointSyntaxException(
            "tag keys "
                + GoStrings.quote(earlier)
                + " and "
                + GoStrings.quote(t.key())
                + " both map to label name "
                + GoStrings.quote(name));
      }
      b.set(name, t.value());
    }
    return b.build();
  }

  /**
   * The timestamp in milliseconds (rounded down) of {@code ts} in {@code precision}, checked
   * against InfluxDB's time range.
   */
  static long toMillis(long ts, Precision precision) throws PointSyntaxException {
    long nanos;
    try {
      nanos = Math.multiplyExact(ts, precision.nanos());
    } catch (ArithmeticException e) {
      throw outOfRange();
    }
    if (nanos < MIN_NANOS || nanos > MAX_NANOS) {
      throw outOfRange();
    }
    return Math.floorDiv(nanos, 1_000_000L);
  }

  /** The time of a line without a timestamp: now, truncated to the precision as InfluxDB does. */
  static long defaultMillis(long nowMs, Precision precision) {
    long unitMs = precision.nanos() / 1_000_000L;
    return unitMs <= 1 ? nowMs : Math.floorDiv(nowMs, unitMs) * unitMs;
  }

  private static PointSyntaxException outOfRange() {
    return new PointSyntaxException(
        "time outside range " + MIN_NANOS + " - " + MAX_NANOS);
  }
}
