package io.cairn.monitor.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random series written as exporters write them (both formats, with 0.0.4's optional blanks and
 * trailing commas) parse back to what was written: names, escaped labels and help, every double.
 */
class RoundTripPropertyTest {
  record Sample(String name, Map<String, String> labels, double value, long ts, boolean hasTs, String help, boolean blanks) {}

  @Provide
  Arbitrary<List<Sample>> samples() {
    Arbitrary<String> metric =
        Combinators.combine(
                Arbitraries.chars().with('_', ':').range('a', 'z').range('A', 'Z'),
                Arbitraries.strings().withChars('_', ':').withCharRange('a', 'z').withCharRange('0', '9').ofMaxLength(12))
            .as((first, rest) -> first + rest);
    Arbitrary<String> labelName =
        Combinators.combine(
                Arbitraries.chars().with('_').range('a', 'z').range('A', 'Z'),
                Arbitraries.strings().withChars('_').withCharRange('a', 'z').withCharRange('0', '9').ofMaxLength(8))
            .as((first, rest) -> first + rest)
            .filter(n -> !n.equals(Labels.METRIC_NAME));
    Arbitrary<String> text =
        Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(16),
                Arbitraries.strings().withChars('\\', '"', '\n', 'n', ' ', '\t', '{', '}', '#', ',', '=').ofMaxLength(12))
            .filter(RoundTripPropertyTest::wellFormed);
    Arbitrary<Double> value =
        Arbitraries.oneOf(
            Arbitraries.doubles(),
            Arbitraries.longs().map(l -> (double) l),
            Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300));
    return Combinators.combine(
            metric,
            Arbitraries.maps(labelName, text).ofMaxSize(4),
            value,
            Arbitraries.longs().between(0, 4_000_000_000_000L),
            Arbitraries.of(true, false),
            text,
            Arbitraries.of(true, false))
        .as(Sample::new)
        .list()
        .ofMaxSize(8);
  }

  private static boolean wellFormed(String s) {
    return s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
  }

  @Property(tries = 500)
  void prometheusTextRoundTrips(@ForAll("samples") List<Sample> samples) throws ParseException {
    StringBuilder body = new StringBuilder();
    List<Entry> expected = new ArrayList<>();
    for (Sample s : samples) {
      String pad = s.blanks() ? " \t" : "";
      body.append("# HELP ").append(s.name()).append(' ').append(escape(s.help(), false)).append('\n');
      body.append("#").append(pad).append(" TYPE ").append(s.name()).append(" gauge\n");
      body.append(s.name()).append(pad).append('{');
      s.labels().forEach((k, v) -> body.append(pad).append(k).append(pad).append('=').append(pad)
          .append('"').append(escape(v, true)).append('"').append(pad).append(','));
      body.append("} ").append(pad).append(s.value());
      if (s.hasTs()) {
        body.append(' ').append(pad).append(s.ts());
      }
      body.append(pad).append(s.blanks() ? "\n\n" : "\n");
      expected.add(new Entry.Help(s.name(), s.help()));
      expected.add(new Entry.Type(s.name(), MetricType.GAUGE));
      expected.add(series(s, s.hasTs() ? OptionalLong.of(s.ts()) : OptionalLong.empty()));
    }
    expected.add(new Entry.Eof());
    assertThat(Entries.prom(body.toString())).as(body.toString()).containsExactlyElementsOf(expected);
  }

  @Property(tries = 500)
  void openMetricsRoundTrips(@ForAll("samples") List<Sample> samples) throws ParseException {
    StringBuilder body = new StringBuilder();
    List<Entry.Series> expected = new ArrayList<>();
    for (Sample s : samples) {
      body.append("# TYPE ").append(s.name()).append(" gauge\n");
      body.append("# HELP ").append(s.name()).append(' ').append(escape(s.help(), true)).append('\n');
      body.append(s.name());
      if (!s.labels().isEmpty()) {
        List<String> pairs = new ArrayList<>();
        s.labels().forEach((k, v) -> pairs.add(k + "=\"" + escape(v, true) + "\""));
        body.append('{').append(String.join(",", pairs)).append('}');
      }
      body.append(' ').append(s.value());
      long ms = s.ts() - 1_000_000_000_000L; // negative timestamps too
      if (s.hasTs()) {
        body.append(' ').append(BigDecimal.valueOf(ms, 3).toPlainString());
      }
      body.append('\n');
      expected.add(series(s, s.hasTs() ? OptionalLong.of(ms) : OptionalLong.empty()));
    }
    body.append("# EOF\n");
    List<Entry> parsed = Entries.om(body.toString());
    List<Entry.Series> series = parsed.stream().filter(e -> e instanceof Entry.Series).map(e -> (Entry.Series) e).toList();
    assertThat(series).hasSameSizeAs(expected);
    for (int i = 0; i < series.size(); i++) {
      Entry.Series got = series.get(i);
      Entry.Series want = expected.get(i);
      assertThat((Object) got.labels()).isEqualTo(want.labels());
      assertThat(Double.doubleToLongBits(got.value())).isEqualTo(Double.doubleToLongBits(want.value())); // NaN == NaN
      assertThat(got.type()).isEqualTo(MetricType.GAUGE);
      assertThat(got.timestampMillis().isPresent()).isEqualTo(want.timestampMillis().isPresent());
      if (want.timestampMillis().isPresent()) {
        // seconds × 1000 truncated toward zero, as Prometheus does: off by at most 1 ms
        long w = want.timestampMillis().getAsLong();
        assertThat(got.timestampMillis().getAsLong()).isBetween(w - 1, w + 1);
      }
    }
    assertThat(parsed).filteredOn(e -> e instanceof Entry.Help).extracting(e -> ((Entry.Help) e).text())
        .containsExactlyElementsOf(samples.stream().map(Sample::help).toList());
  }

  private static Entry.Series series(Sample s, OptionalLong ts) {
    Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, s.name());
    s.labels().forEach(b::set);
    return new Entry.Series(b.build(), s.value(), ts, Optional.empty(), MetricType.GAUGE);
  }

  /** Exposition escaping: backslash and line break, and double quotes where they are escaped. */
  private static String escape(String s, boolean quotes) {
    String out = s.replace("\\", "\\\\").replace("\n", "\\n");
    return quotes ? out.replace("\"", "\\\"") : out;
  }
}
