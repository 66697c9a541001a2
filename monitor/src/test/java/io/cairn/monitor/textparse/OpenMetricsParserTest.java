package io.cairn.monitor.textparse;

import static io.cairn.monitor.textparse.Entries.eof;
import static io.cairn.monitor.textparse.Entries.exemplar;
import static io.cairn.monitor.textparse.Entries.help;
import static io.cairn.monitor.textparse.Entries.om;
import static io.cairn.monitor.textparse.Entries.series;
import static io.cairn.monitor.textparse.Entries.type;
import static io.cairn.monitor.textparse.Entries.unit;
import static io.cairn.monitor.textparse.Entries.withExemplar;
import static io.cairn.monitor.textparse.MetricType.COUNTER;
import static io.cairn.monitor.textparse.MetricType.GAUGE;
import static io.cairn.monitor.textparse.MetricType.GAUGE_HISTOGRAM;
import static io.cairn.monitor.textparse.MetricType.HISTOGRAM;
import static io.cairn.monitor.textparse.MetricType.INFO;
import static io.cairn.monitor.textparse.MetricType.STATESET;
import static io.cairn.monitor.textparse.MetricType.SUMMARY;
import static io.cairn.monitor.textparse.MetricType.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenMetrics 1.0 text, read as Prometheus 2.42 reads it; examples from the OpenMetrics spec. */
class OpenMetricsParserTest {
  @Test
  void prometheusOwnTestInput() throws ParseException {
    // After openmetricsparse_test.go of Prometheus 2.42.
    String input =
        """
        # HELP go_gc_duration_seconds A summary of the GC invocation durations.
        # TYPE go_gc_duration_seconds summary
        # UNIT go_gc_duration_seconds seconds
        go_gc_duration_seconds{quantile="0"} 4.9351e-05
        go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
        # HELP nohelp1\s
        # HELP help2 escape \\ \\n \\\\ \\" \\x chars
        # UNIT nounit\s
        go_gc_duration_seconds_count 99
        some:aggregate:rate5m{a_b="c"} 1
        # TYPE go_goroutines gauge
        go_goroutines 33 123.123
        # TYPE hhh histogram
        hhh_bucket{le="+Inf"} 1 # {id="histogram-bucket-test"} 4
        # TYPE ggh gaugehistogram
        ggh_bucket{le="+Inf"} 1 # {id="gaugehistogram-bucket-test",xx="yy"} 4 123.123
        # TYPE ii info
        ii{foo="bar"} 1
        # TYPE ss stateset
        ss{ss="foo"} 1
        ss{ss="bar"} 0
        # TYPE un unknown
        _metric_starting_with_underscore 1
        testmetric{label="\\"bar\\""} 1
        # TYPE foo counter
        foo_total 17.0 1520879607.789 # {id="counter-test"} 5
        # EOF
        """;
    assertThat(om(input))
        .containsExactly(
            help("go_gc_duration_seconds", "A summary of the GC invocation durations."),
            type("go_gc_duration_seconds", SUMMARY),
            unit("go_gc_duration_seconds", "seconds"),
            series(SUMMARY, 4.9351e-05, "go_gc_duration_seconds", "quantile", "0"),
            series(SUMMARY, 8.3835e-05, "go_gc_duration_seconds", "quantile", "0.5", "a", "b"),
            help("nohelp1", ""),
            help("help2", "escape \\ \n \\ \" \\x chars"),
            unit("nounit", ""),
            series(SUMMARY, 99, "go_gc_duration_seconds_count"),
            series(UNKNOWN, 1, "some:aggregate:rate5m", "a_b", "c"),
            type("go_goroutines", GAUGE),
            series(GAUGE, 33, 123123, "go_goroutines"),
            type("hhh", HISTOGRAM),
            withExemplar(series(HISTOGRAM, 1, "hhh_bucket", "le", "+Inf"), exemplar(4, "id", "histogram-bucket-test")),
            type("ggh", GAUGE_HISTOGRAM),
            withExemplar(
                series(GAUGE_HISTOGRAM, 1, "ggh_bucket", "le", "+Inf"),
                exemplar(4, 123123, "id", "gaugehistogram-bucket-test", "xx", "yy")),
            type("ii", INFO),
            series(INFO, 1, "ii", "foo", "bar"),
            type("ss", STATESET),
            series(STATESET, 1, "ss", "ss", "foo"),
            series(STATESET, 0, "ss", "ss", "bar"),
            type("un", UNKNOWN),
            series(UNKNOWN, 1, "_metric_starting_with_underscore"),
            series(UNKNOWN, 1, "testmetric", "label", "\"bar\""),
            type("foo", COUNTER),
            withExemplar(series(COUNTER, 17, 1520879607789L, "foo_total"), exemplar(5, "id", "counter-test")),
            eof());
  }

  @Test
  void specCounterWithCreatedAndExemplar() throws ParseException {
    // _created is an ordinary series in Prometheus 2.42.
    assertThat(om("# TYPE foo counter\nfoo_total 17.0 1520879607.789 # {trace_id=\"KOO5S4vxi0o\"} 0.67\nfoo_created 1520430000.123\n# EOF\n"))
        .containsExactly(
            type("foo", COUNTER),
            withExemplar(series(COUNTER, 17, 1520879607789L, "foo_total"), exemplar(0.67, "trace_id", "KOO5S4vxi0o")),
            series(COUNTER, 1520430000.123, "foo_created"),
            eof());
  }

  @Test
  void specSummaryWithUnitsAndHelpAfterType() throws ParseException {
    String input =
        """
        # TYPE acme_http_router_request_seconds summary
        # UNIT acme_http_router_request_seconds seconds
        # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
        acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
        acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
        acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
        # TYPE process_cpu_seconds counter
        # UNIT process_cpu_seconds seconds
        # HELP process_cpu_seconds Total user and system CPU time spent in seconds.
        process_cpu_seconds_total 4.20072246e+06
        # EOF""";
    String s = "acme_http_router_request_seconds";
    assertThat(om(input))
        .containsExactly(
            type(s, SUMMARY),
            unit(s, "seconds"),
            help(s, "Latency though all of ACME's HTTP request router."),
            series(SUMMARY, 9036.32, s + "_sum", "path", "/api/v1", "method", "GET"),
            series(SUMMARY, 807283, s + "_count", "path", "/api/v1", "method", "GET"),
            series(SUMMARY, 1605281325, s + "_created", "path", "/api/v1", "method", "GET"),
            type("process_cpu_seconds", COUNTER),
            unit("process_cpu_seconds", "seconds"),
            help("process_cpu_seconds", "Total user and system CPU time spent in seconds."),
            series(COUNTER, 4.20072246e+06, "process_cpu_seconds_total"),
            eof());
  }

  @Test
  void specInfoStatesetAndGaugeHistogram() throws ParseException {
    String input =
        """
        # TYPE foo info
        foo_info{name="pretty name",version="8.2.7"} 1
        # TYPE bar stateset
        bar{entity="controller",bar="a"} 1.0
        bar{entity="controller",bar="bb"} 0.0
        # TYPE baz gaugehistogram
        baz_bucket{le="0.01"} 20.0
        baz_bucket{le="+Inf"} 22.0
        baz_gcount 22.0
        baz_gsum 2.0
        # EOF
        """;
    assertThat(om(input))
        .containsExactly(
            type("foo", INFO),
            series(INFO, 1, "foo_info", "name", "pretty name", "version", "8.2.7"),
            type("bar", STATESET),
            series(STATESET, 1, "bar", "entity", "controller", "bar", "a"),
            series(STATESET, 0, "bar", "entity", "controller", "bar", "bb"),
            type("baz", GAUGE_HISTOGRAM),
            series(GAUGE_HISTOGRAM, 20, "baz_bucket", "le", "0.01"),
            series(GAUGE_HISTOGRAM, 22, "baz_bucket", "le", "+Inf"),
            series(GAUGE_HISTOGRAM, 22, "baz_gcount"),
            series(GAUGE_HISTOGRAM, 2, "baz_gsum"),
            eof());
  }

  @Test
  void specHistogramWithExemplars() throws ParseException {
    String input =
        """
        # TYPE foo histogram
        foo_bucket{le="0.01"} 0
        foo_bucket{le="0.1"} 8 # {} 0.054
        foo_bucket{le="1"} 11 # {trace_id="KOO5S4vxi0o"} 0.67
        foo_bucket{le="10"} 17 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789
        foo_bucket{le="+Inf"} 17
        foo_count 17
        foo_sum 324789.3
        foo_created 1520430000.123
        # EOF
        """;
    List<Entry> entries = om(input);
    assertThat(entries).hasSize(10);
    assertThat(entries.get(2)).isEqualTo(withExemplar(series(HISTOGRAM, 8, "foo_bucket", "le", "0.1"), exemplar(0.054)));
    assertThat(entries.get(4))
        .isEqualTo(withExemplar(series(HISTOGRAM, 17, "foo_bucket", "le", "10"), exemplar(9.8, 1520879607789L, "trace_id", "oHg5SJYRHA0")));
    assertThat(entries.get(8)).isEqualTo(series(HISTOGRAM, 1520430000.123, "foo_created"));
  }

  @Test
  void timestampsAreSecondsTruncatedToMilliseconds() throws ParseException {
    assertThat(om("a 1 1\nb 1 -1.5\nc 1 1.0009\nd 1 1e3\ne 1 0\n# EOF\n"))
        .containsExactly(
            series(UNKNOWN, 1, 1000, "a"),
            series(UNKNOWN, 1, -1500, "b"),
            series(UNKNOWN, 1, 1000, "c"),
            series(UNKNOWN, 1, 1_000_000, "d"),
            series(UNKNOWN, 1, 0, "e"),
            eof());
  }

  @Test
  void eofWithoutLineBreakAndNaNValues() throws ParseException {
    List<Entry> entries = om("a NaN\nb -Inf\n# EOF");
    assertThat(Double.doubleToRawLongBits(((Entry.Series) entries.getFirst()).value())).isEqualTo(Parser.NORMAL_NAN_BITS);
    assertThat(entries.get(1)).isEqualTo(series(UNKNOWN, Double.NEGATIVE_INFINITY, "b"));
    assertThat(entries.getLast()).isEqualTo(eof());
  }

  @Test
  void eofIsStickyAndOnlyEof() throws ParseException {
    Parser p = Parser.openMetrics(Entries.utf8("# EOF\n"));
    assertThat(p.isOpenMetrics()).isTrue();
    assertThat(p.next()).isEqualTo(EntryKind.EOF);
    assertThat(p.next()).isEqualTo(EntryKind.EOF);
  }
}
