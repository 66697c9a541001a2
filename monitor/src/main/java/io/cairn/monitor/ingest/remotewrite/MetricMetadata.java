package io.cairn.monitor.ingest.remotewrite;

import java.util.Objects;

/**
 * Metadata of a metric family ({@code prometheus.MetricMetadata}): type, family name, help and
 * unit; absent strings are empty.
 */
public record MetricMetadata(Type type, String metricFamilyName, String help, String unit) {
  public MetricMetadata {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(metricFamilyName, "metricFamilyName");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(unit, "unit");
  }

  /** {@code prometheus.MetricMetadata.MetricType}, numbered as on the wire. */
  public enum Type {
    UNKNOWN,
    COUNTER,
    GAUGE,
    HISTOGRAM,
    GAUGEHISTOGRAM,
    SUMMARY,
    INFO,
    STATESET;

    private static final Type[] VALUES = values();

    /** The wire number. */
    public int number() {
      return ordinal();
    }

    /** The type of a wire number; numbers this version does not know are {@link #UNKNOWN}. */
    public static Type of(int number) {
      return number >= 0 && number < VALUES.length ? VALUES[number] : UNKNOWN;
    }
  }
}
