package io.cairn.monitor.textparse;

import io.cairn.common.text.GoStrings;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One OpenMetrics sample line: {@code name{labels} value [timestamp] [# {labels} value
 * [timestamp]]}, single spaces, no blanks inside braces, no trailing comma, a line break at the end.
 */
final class OpenMetricsSeries {
  private final OpenMetricsParser parser;
  private final Input in;

  OpenMetricsSeries(OpenMetricsParser parser) {
    this.parser = parser;
    this.in = parser.in;
  }

  Entry.Series read() throws ParseException {
    parser.keyFrom = in.pos;
    int nameEnd = in.nameEnd(true);
    in.checkLength(nameEnd);
    String name = in.ascii(in.pos, nameEnd);
    in.pos = nameEnd;
    LabelCollector labels = new LabelCollector(in);
    labels.metricName(name);
    if (in.peek() == '{') {
      in.pos++;
      labels(labels);
    }
    parser.keyTo = in.pos;
    int from = spacedToken("expected value after metric");
    double v = parser.value(from, in.pos);
    OptionalLong ts = OptionalLong.empty();
    Optional<Exemplar> exemplar = Optional.empty();
    if (in.lookingAt(" # {")) {
      exemplar = Optional.of(exemplar(name));
    } else if (in.peek() == ' ') {
      from = spacedToken("expected timestamp or # symbol");
      ts = OptionalLong.of(timestamp(from, "invalid timestamp"));
      if (in.lookingAt(" # {")) {
        exemplar = Optional.of(exemplar(name));
      } else {
        endOfLine("expected next entry after timestamp");
      }
    } else {
      endOfLine("expected timestamp or # symbol");
    }
    parser.seriesValue = v;
    parser.seriesHasTimestamp = ts.isPresent();
    parser.seriesTimestamp = ts.orElse(0);
    return new Entry.Series(labels.build(), v, ts, exemplar, parser.typeOf(name));
  }

  private Exemplar exemplar(String metricName) throws ParseException {
    if (!metricName.endsWith("_total") && !metricName.endsWith("_bucket")) {
      throw in.fail(in.pos + 1, "metric name " + metricName + " does not support exemplars");
    }
    in.pos += 4;
    LabelCollector labels = new LabelCollector(in);
    labels(labels);
    int from = spacedToken("expected value after exemplar labels");
    double v = parser.value(from, in.pos);
    OptionalLong ts = OptionalLong.empty();
    if (in.peek() == ' ') {
      from = spacedToken("expected timestamp or line break after exemplar value");
      ts = OptionalLong.of(timestamp(from, "invalid exemplar timestamp"));
      endOfLine("expected next entry after exemplar timestamp");
    } else {
      endOfLine("expected timestamp or line break after exemplar value");
    }
    return new Exemplar(labels.build(), v, ts);
  }

  /** Labels after "{" up to and including "}". */
  private void labels(LabelCollector labels) throws ParseException {
    if (in.peek() == '}') {
      in.pos++;
      return;
    }
    if (!Input.isNameStart((byte) in.peek(), false)) {
      throw in.expected("expected label name or \"}\"");
    }
    while (true) {
      int nameStart = in.pos;
      int nameEnd = in.nameEnd(false);
      in.checkLength(nameEnd);
      String name = in.ascii(nameStart, nameEnd);
      in.pos = nameEnd;
      if (in.peek() != '=') {
        throw in.expected("expected equal");
      }
      in.pos++;
      labels.add(nameStart, name, LabelValues.read(in, false));
      int c = in.peek();
      if (c == '}') {
        in.pos++;
        return;
      }
      if (c != ',') {
        throw in.expected(Input.isNameStart((byte) c, false) ? "expected comma" : "expected comma or \"}\"");
      }
      in.pos++;
      if (!Input.isNameStart((byte) in.peek(), false)) {
        throw in.expected("expected label name");
      }
    }
  }

  /** A space and a token of anything but spaces and line breaks; returns the token's start. */
  private int spacedToken(String expected) throws ParseException {
    if (in.peek() == ' ') {
      in.pos++;
    } else {
      throw in.peek() == -1 ? in.fail(in.pos, OpenMetricsParser.NO_EOF) : in.expected(expected);
    }
    int from = in.pos;
    while (in.pos < in.end && in.b[in.pos] != ' ' && in.b[in.pos] != '\n') {
      in.pos++;
    }
    in.checkLength(in.pos);
    if (in.pos == from) {
      throw in.expected(expected);
    }
    return from;
  }

  /** Float seconds to milliseconds as Prometheus: {@code int64(ts * 1000)}, truncating. */
  private long timestamp(int from, String invalid) throws ParseException {
    double seconds = parser.value(from, in.pos);
    double millis = seconds * 1000;
    if (Double.isNaN(millis) || Double.isInfinite(millis)) {
      throw in.fail(from, invalid + " " + GoStrings.quote(in.lenient(from, in.pos)));
    }
    if (millis >= 0x1p63 || millis < -0x1p63) {
      throw in.fail(from, invalid + " " + GoStrings.quote(in.lenient(from, in.pos)) + ": out of range");
    }
    return (long) millis;
  }

  /** The line break ending the line; the end of the input instead means "# EOF" is missing. */
  private void endOfLine(String expected) throws ParseException {
    int c = in.peek();
    if (c == '\n') {
      in.pos++;
    } else if (c == -1) {
      throw in.fail(in.pos, OpenMetricsParser.NO_EOF);
    } else {
      throw in.expected(expected);
    }
  }
}
