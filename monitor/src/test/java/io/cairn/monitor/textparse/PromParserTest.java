package io.cairn.monitor.textparse;

import static io.cairn.monitor.textparse.Entries.comment;
import static io.cairn.monitor.textparse.Entries.eof;
import static io.cairn.monitor.textparse.Entries.help;
import static io.cairn.monitor.textparse.Entries.labels;
import static io.cairn.monitor.textparse.Entries.prom;
import static io.cairn.monitor.textparse.Entries.series;
import static io.cairn.monitor.textparse.Entries.type;
import static io.cairn.monitor.textparse.MetricType.COUNTER;
import static io.cairn.monitor.textparse.MetricType.GAUGE;
import static io.cairn.monitor.textparse.MetricType.HISTOGRAM;
import static io.cairn.monitor.textparse.MetricType.SUMMARY;
import static io.cairn.monitor.textparse.MetricType.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text format 0.0.4, read as Prometheus 2.42 reads it. */
class PromParserTest {
  @Test
  void prometheusOwnTestInput() throws ParseException {
    // After promparse_test.go of Prometheus 2.42: blanks everywhere, trailing commas, comments.
    String input =
        """
        # HELP go_gc_duration_seconds A summary of the GC invocation durations.
        # \tTYPE go_gc_duration_seconds summary
        go_gc_duration_seconds{quantile="0"} 4.9351e-05
        go_gc_duration_seconds{quantile="0.25",} 7.424100000000001e-05
        go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
        go_gc_duration_seconds{ quantile="0.9", a="b"} 8.3835e-05
        # Hrandom comment starting with prefix of HELP
        #
        wind_speed{A="2",c="3"} 12345
        # comment with escaped \\n newline
        # HELP nohelp1
        # HELP nohelp2\s
        go_gc_duration_seconds { quantile= "1.0", a= "b", } 8.3835e-05
        go_gc_duration_seconds { quantile = "2.0" a = "b" } 8.3835e-05
        go_gc_duration_seconds_count 99
        some:aggregate:rate5m{a_b="c"}\t1
        # HELP go_goroutines Number of goroutines that currently exist.
        # TYPE go_goroutines gauge
        go_goroutines 33  \t123123
        _metric_starting_with_underscore 1
        testmetric{_label_starting_with_underscore="foo"} 1
        testmetric{label="\\"bar\\""} 1""";
    assertThat(prom(input))
        .containsExactly(
            help("go_gc_duration_seconds", "A summary of the GC invocation durations."),
            type("go_gc_duration_seconds", SUMMARY),
            series(SUMMARY, 4.9351e-05, "go_gc_duration_seconds", "quantile", "0"),
            series(SUMMARY, 7.424100000000001e-05, "go_gc_duration_seconds", "quantile", "0.25"),
            series(SUMMARY, 8.3835e-05, "go_gc_duration_seconds", "quantile", "0.5", "a", "b"),
            series(SUMMARY, 8.3835e-05, "go_gc_duration_seconds", "quantile", "0.9", "a", "b"),
            comment("# Hrandom comment starting with prefix of HELP"),
            comment("#"),
            series(UNKNOWN, 12345, "wind_speed", "A", "2", "c", "3"),
            comment("# comment with escaped \\n newline"),
            help("nohelp1", ""),
            help("nohelp2", ""),
            series(SUMMARY, 8.3835e-05, "go_gc_duration_seconds", "quantile", "1.0", "a", "b"),
            series(SUMMARY, 8.3835e-05, "go_gc_duration_seconds", "quantile", "2.0", "a", "b"),
            series(SUMMARY, 99, "go_gc_duration_seconds_count"),
            series(UNKNOWN, 1, "some:aggregate:rate5m", "a_b", "c"),
            help("go_goroutines", "Number of goroutines that currently exist."),
            type("go_goroutines", GAUGE),
            series(GAUGE, 33, 123123, "go_goroutines"),
            series(UNKNOWN, 1, "_metric_starting_with_underscore"),
            series(UNKNOWN, 1, "testmetric", "_label_starting_with_underscore", "foo"),
            series(UNKNOWN, 1, "testmetric", "label", "\"bar\""),
            eof());
  }

  @Test
  void nodeExporterOutput() throws ParseException {
    List<Entry> entries = Entries.all(Parser.prometheusText(Entries.resource("node_exporter.prom")));
    List<Entry.Series> series = entries.stream().filter(e -> e instanceof Entry.Series).map(e -> (Entry.Series) e).toList();
    assertThat(series).hasSize(35);
    assertThat(entries.getLast()).isEqualTo(eof());
    assertThat(series)
        .contains(
            series(SUMMARY, 0.000170917, "go_gc_duration_seconds", "quantile", "1"),
            series(SUMMARY, 862, "go_gc_duration_seconds_count"),
            series(COUNTER, 1.21476538e+06, "node_cpu_seconds_total", "cpu", "0", "mode", "idle"),
            series(GAUGE, 1.073741824e+12, "node_filesystem_avail_bytes",
                "device", "//nas/share", "fstype", "cifs", "mountpoint", "/mnt/my \"quoted\" share\\backup"),
            series(COUNTER, 9.87654321e+09, 1700000000000L, "node_network_receive_bytes_total", "device", "eth0"),
            series(HISTOGRAM, 4211, "prometheus_http_request_duration_seconds_bucket", "handler", "/metrics", "le", "+Inf"),
            series(HISTOGRAM, 21.5, "prometheus_http_request_duration_seconds_sum", "handler", "/metrics"),
            series(UNKNOWN, Double.POSITIVE_INFINITY, "escaped_help"),
            series(UNKNOWN, Double.NEGATIVE_INFINITY, "escaped_help", "sign", "negative"));
    Entry.Series nan = series.stream().filter(s -> s.labels().get("sensor").equals("temp2")).findFirst().orElseThrow();
    assertThat(Double.doubleToRawLongBits(nan.value())).isEqualTo(Parser.NORMAL_NAN_BITS);
    assertThat(entries).contains(
        help("escaped_help", "A help text with a backslash \\ and a line\nbreak."),
        type("escaped_help", UNKNOWN),
        series(GAUGE, 1, "node_uname_info", "domainname", "(none)", "machine", "x86_64", "nodename", "web-1",
            "release", "6.1.0-18-amd64", "sysname", "Linux", "version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)"));
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("m{a=\"x\\\\y\"} 1", "x\\y"),
        Arguments.of("m{a=\"say \\\"hi\\\"\"} 1", "say \"hi\""),
        Arguments.of("m{a=\"two\\nlines\"} 1", "two\nlines"),
        Arguments.of("m{a=\"tab \\t kept\"} 1", "tab \\t kept"),
        Arguments.of("m{a=\"\\\\n is not a break\"} 1", "\\n is not a break"),
        Arguments.of("m{a=\"raw\nbreak\"} 1", "raw\nbreak"),
        Arguments.of("m{a=\"héllo wörld ✓\"} 1", "héllo wörld ✓"),
        Arguments.of("m{a=\"with\0nul\"} 1", "with\0nul"));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void labelValueEscapes(String line, String value) throws ParseException {
    assertThat(prom(line)).containsExactly(series(UNKNOWN, 1, "m", "a", value), eof());
  }

  @Test
  void helpEscapesBackslashAndNewlineOnly() throws ParseException {
    assertThat(prom("# HELP m a\\\\b\\nc\\\"d \\t\n"))
        .containsExactly(help("m", "a\\b\nc\\\"d \\t"), eof());
  }

  @Test
  void blankLinesWhitespaceAndNoFinalLineBreak() throws ParseException {
    assertThat(prom("")).containsExactly(eof());
    assertThat(prom("\n \t\n\n")).containsExactly(eof());
    assertThat(prom("\n\n  a 1\n\n\tb{} 2 3")).containsExactly(series(UNKNOWN, 1, "a"), series(UNKNOWN, 2, 3, "b"), eof());
  }

  @Test
  void emptyLabelValuesAreDropped() throws ParseException {
    assertThat(prom("m{a=\"\",b=\"1\"} 1\n")).containsExactly(series(UNKNOWN, 1, "m", "b", "1"), eof());
  }

  @Test
  void typesOfTheTextFormat() throws ParseException {
    assertThat(prom("# TYPE a counter\n# TYPE b gauge\n# TYPE c histogram\n# TYPE d summary\n# TYPE e untyped\n"))
        .containsExactly(type("a", COUNTER), type("b", GAUGE), type("c", HISTOGRAM), type("d", SUMMARY), type("e", UNKNOWN), eof());
  }

  @Test
  void unitLinesAreCommentsInTheTextFormat() throws ParseException {
    assertThat(prom("# UNIT m seconds\n# EOF\n")).containsExactly(comment("# UNIT m seconds"), comment("# EOF"), eof());
  }

  @Test
  void familyTypeFollowsSuffixesOfItsType() throws ParseException {
    assertThat(prom("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_total 1\nh 2\n# TYPE c counter\nc_total 3\nc_created 4\nc_sum 5\n"))
        .containsExactly(
            type("h", HISTOGRAM),
            series(HISTOGRAM, 1, "h_bucket", "le", "1"),
            series(UNKNOWN, 1, "h_total"),
            series(HISTOGRAM, 2, "h"),
            type("c", COUNTER),
            series(COUNTER, 3, "c_total"),
            series(COUNTER, 4, "c_created"),
            series(UNKNOWN, 5, "c_sum"),
            eof());
  }

  @Test
  void timestampsAreMillisecondsAndLong() throws ParseException {
    assertThat(prom("a 1 0\nb 1 9223372036854775807\n"))
        .containsExactly(series(UNKNOWN, 1, 0, "a"), series(UNKNOWN, 1, Long.MAX_VALUE, "b"), eof());
    assertThat((Object) labels("a")).isEqualTo(((Entry.Series) prom("a 1").getFirst()).labels());
  }

  @Test
  void eofIsSticky() throws ParseException {
    Parser p = Parser.prometheusText(Entries.utf8("a 1\n"));
    assertThat(p.next()).isEqualTo(EntryKind.SERIES);
    assertThat(p.next()).isEqualTo(EntryKind.EOF);
    assertThat(p.next()).isEqualTo(EntryKind.EOF);
    assertThat(p.isOpenMetrics()).isFalse();
  }
}
