package io.cairn.monitor.textparse;

import io.cairn.tsdb.model.Labels;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of an exposition, as {@link Parser#entry()} returns it after {@link Parser#next()}.
 * Strings are decoded and unescaped; records compare by value (a NaN value equals a NaN value).
 */
public sealed interface Entry {
  EntryKind kind();

  /**
   * A sample.
   *
   * @param labels the metric name as {@value Labels#METRIC_NAME} and the labels; labels with empty
   *     values are absent, as Prometheus drops them
   * @param value the value; every NaN is Prometheus's normal NaN ({@link Parser#NORMAL_NAN_BITS}), so
   *     never the staleness marker
   * @param timestampMillis the timestamp in milliseconds since the epoch, if the line has one
   *     (OpenMetrics' seconds are multiplied by 1000 and truncated, as Prometheus does)
   * @param exemplar the OpenMetrics exemplar, if the line has one
   * @param type the type a {@code # TYPE} line gave the series' family before this line: the family
   *     named exactly as the series, or named as the series without a suffix its type allows (a
   *     counter {@code foo} for {@code foo_total} and {@code foo_created}); {@link
   *     MetricType#UNKNOWN} if none did
   */
  record Series(
      Labels labels,
      double value,
      OptionalLong timestampMillis,
      Optional<Exemplar> exemplar,
      MetricType type)
      implements Entry {
    public Series {
      Objects.requireNonNull(labels, "labels");
      Objects.requireNonNull(timestampMillis, "timestampMillis");
      Objects.requireNonNull(exemplar, "exemplar");
      Objects.requireNonNull(type, "type");
    }

    /** A series without timestamp, exemplar or type, for tests and tools. */
    public static Series of(Labels labels, double value) {
      return new Series(labels, value, OptionalLong.empty(), Optional.empty(), MetricType.UNKNOWN);
    }

    public String metricName() {
      return labels.metricName();
    }

    @Override
    public EntryKind kind() {
      return EntryKind.SERIES;
    }
  }

  /** A {@code # HELP} line: the family's name and its unescaped help text (may be empty). */
  record Help(String metricName, String text) implements Entry {
    @Override
    public EntryKind kind() {
      return EntryKind.HELP;
    }
  }

  /** A {@code # TYPE} line. */
  record Type(String metricName, MetricType type) implements Entry {
    @Override
    public EntryKind kind() {
      return EntryKind.TYPE;
    }
  }

  /** An OpenMetrics {@code # UNIT} line; the unit is empty or a suffix of the name after "_". */
  record Unit(String metricName, String unit) implements Entry {
    @Override
    public EntryKind kind() {
      return EntryKind.UNIT;
    }
  }

  /**
   * A comment of the text format 0.0.4 that is not HELP or TYPE: the whole line from its {@code #},
   * as Prometheus's {@code Comment()} returns it.
   */
  record Comment(String text) implements Entry {
    @Override
    public EntryKind kind() {
      return EntryKind.COMMENT;
    }
  }

  /** The end of the input. */
  record Eof() implements Entry {
    static final Eof INSTANCE = new Eof();

    @Override
    public EntryKind kind() {
      return EntryKind.EOF;
    }
  }
}
