package io.cairn.monitor.textparse;

import java.util.List;

/**
 * A metric family's type, as Prometheus's {@code textparse.MetricType}. The text format 0.0.4 has
 * counter, gauge, histogram, summary and untyped (read as {@link #UNKNOWN}); OpenMetrics adds
 * gaugehistogram, info and stateset and spells untyped {@code unknown}.
 */
public enum MetricType {
  COUNTER("counter", "_total", "_created"),
  GAUGE("gauge"),
  HISTOGRAM("histogram", "_bucket", "_count", "_sum", "_created"),
  GAUGE_HISTOGRAM("gaugehistogram", "_bucket", "_gcount", "_gsum"),
  SUMMARY("summary", "_count", "_sum", "_created"),
  INFO("info", "_info"),
  STATESET("stateset"),
  UNKNOWN("unknown");

  private final String text;
  private final List<String> suffixes;

  MetricType(String text, String... suffixes) {
    this.text = text;
    this.suffixes = List.of(suffixes);
  }

  /** The name Prometheus gives the type ({@code "gaugehistogram"}, {@code "unknown"}, ...). */
  public String text() {
    return text;
  }

  /** The suffixes OpenMetrics gives this type's series after the family name. */
  public List<String> seriesSuffixes() {
    return suffixes;
  }

  /** The type a {@code # TYPE} line of the text format 0.0.4 names, or null if it names none. */
  static MetricType fromPrometheusText(String s) {
    return switch (s) {
      case "counter" -> COUNTER;
      case "gauge" -> GAUGE;
      case "histogram" -> HISTOGRAM;
      case "summary" -> SUMMARY;
      case "untyped" -> UNKNOWN;
      default -> null;
    };
  }

  /** The type a {@code # TYPE} line of OpenMetrics names, or null if it names none. */
  static MetricType fromOpenMetrics(String s) {
    for (MetricType t : values()) {
      if (t.text.equals(s)) {
        return t;
      }
    }
    return null;
  }
}
