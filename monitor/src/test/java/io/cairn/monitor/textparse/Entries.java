package io.cairn.monitor.textparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cairn.tsdb.model.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Helpers for the parser tests: expected entries and draining a parser. */
final class Entries {
  private Entries() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] resource(String name) {
    try (InputStream in = Entries.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every entry up to and including EOF. */
  static List<Entry> all(Parser p) throws ParseException {
    List<Entry> out = new ArrayList<>();
    while (true) {
      EntryKind k = p.next();
      assertThat(p.entry().kind()).isEqualTo(k);
      out.add(p.entry());
      if (k == EntryKind.EOF) {
        return out;
      }
    }
  }

  static List<Entry> prom(String text) throws ParseException {
    return all(Parser.prometheusText(utf8(text)));
  }

  static List<Entry> om(String text) throws ParseException {
    return all(Parser.openMetrics(utf8(text)));
  }

  /** The error a parser of the text ends with. */
  static ParseException failure(Parser p) {
    return catchThrowableOfType(ParseException.class, () -> all(p));
  }

  /** Labels of a metric name and name/value pairs. */
  static Labels labels(String metric, String... pairs) {
    String[] all = Arrays.copyOf(new String[] {Labels.METRIC_NAME, metric}, pairs.length + 2);
    System.arraycopy(pairs, 0, all, 2, pairs.length);
    return Labels.of(all);
  }

  static Entry.Series series(MetricType type, double v, String metric, String... pairs) {
    return new Entry.Series(labels(metric, pairs), v, OptionalLong.empty(), Optional.empty(), type);
  }

  static Entry.Series series(MetricType type, double v, long ts, String metric, String... pairs) {
    return new Entry.Series(labels(metric, pairs), v, OptionalLong.of(ts), Optional.empty(), type);
  }

  static Entry.Series withExemplar(Entry.Series s, Exemplar e) {
    return new Entry.Series(s.labels(), s.value(), s.timestampMillis(), Optional.of(e), s.type());
  }

  static Exemplar exemplar(double v, String... pairs) {
    return new Exemplar(Labels.of(pairs), v, OptionalLong.empty());
  }

  static Exemplar exemplar(double v, long ts, String... pairs) {
    return new Exemplar(Labels.of(pairs), v, OptionalLong.of(ts));
  }

  static Entry help(String name, String text) {
    return new Entry.Help(name, text);
  }

  static Entry type(String name, MetricType t) {
    return new Entry.Type(name, t);
  }

  static Entry unit(String name, String unit) {
    return new Entry.Unit(name, unit);
  }

  static Entry comment(String text) {
    return new Entry.Comment(text);
  }

  static Entry eof() {
    return new Entry.Eof();
  }
}
