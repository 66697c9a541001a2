package io.cairn.monitor.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.metrics.Metrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * cairn's own {@code /metrics} as its admin endpoint renders it (client_java 1.5.0, both formats,
 * chosen by Prometheus's Accept header as the admin endpoint chooses), parsed back.
 */
class CairnMetricsTest {
  private static final String ESCAPED = "/a\"b\\c\nd ✓";
  private static PrometheusRegistry registry;
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  @BeforeAll
  static void registry() {
    registry = Metrics.create().registry();
    Counter.builder().name("cairn_test_requests_total").help("Requests.").labelNames("path").register(registry)
        .labelValues(ESCAPED).inc(3);
    Histogram h = Histogram.builder().name("cairn_test_latency_seconds").help("Latency.").unit(Unit.SECONDS)
        .classicOnly().classicUpperBounds(0.1, 1, 10).register(registry);
    h.observe(0.05);
    h.observe(5);
    Summary.builder().name("cairn_test_sizes").help("Sizes.").quantile(0.5, 0.05).register(registry).observe(7);
    Gauge.builder().name("cairn_test_nan").help("Not a number.").register(registry).set(Double.NaN);
    StateSet.builder().name("cairn_test_state").help("States.").states("on", "off").register(registry).setTrue("on");
  }

  private static byte[] render(ExpositionFormatWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    return out.toByteArray();
  }

  private static List<Entry.Series> series(List<Entry> entries) {
    return entries.stream().filter(e -> e instanceof Entry.Series).map(e -> (Entry.Series) e).toList();
  }

  @Test
  void prometheusAcceptHeaderGetsOpenMetricsThatParses() throws Exception {
    ExpositionFormatWriter writer = FORMATS.findWriter(ContentTypes.SCRAPE_ACCEPT_HEADER);
    Parser p = Parser.forContentType(writer.getContentType(), render(writer));
    assertThat(p.isOpenMetrics()).as("content type %s", writer.getContentType()).isTrue();
    List<Entry> entries = Entries.all(p);
    List<Entry.Series> series = series(entries);
    assertThat(entries).contains(new Entry.Type("cairn_build", MetricType.INFO), new Entry.Type("cairn_test_state", MetricType.STATESET));
    assertThat(entries).contains(new Entry.Unit("cairn_test_latency_seconds", "seconds"));
    Entry.Series build = series.stream().filter(s -> s.metricName().equals("cairn_build_info")).findFirst().orElseThrow();
    assertThat(build.type()).isEqualTo(MetricType.INFO);
    assertThat(build.labels().get("javaversion")).isEqualTo(Runtime.version().toString());
    assertCommonSeries(series);
    assertThat(entries.getLast()).isEqualTo(new Entry.Eof());
    assertThat(series).anySatisfy(s -> {
      assertThat((Object) s.labels()).isEqualTo(Entries.labels("cairn_test_state", "cairn_test_state", "on"));
      assertThat(s.value()).isEqualTo(1.0);
    });
  }

  @Test
  void textFormatParses() throws Exception {
    ExpositionFormatWriter writer = FORMATS.getPrometheusTextFormatWriter();
    Parser p = Parser.forContentType(writer.getContentType(), render(writer));
    assertThat(p.isOpenMetrics()).as("content type %s", writer.getContentType()).isFalse();
    List<Entry> entries = Entries.all(p);
    assertThat(entries).contains(new Entry.Type("cairn_build_info", MetricType.GAUGE));
    assertCommonSeries(series(entries));
  }

  private static void assertCommonSeries(List<Entry.Series> series) {
    assertThat(series).hasSizeGreaterThan(30);
    assertThat(series).anySatisfy(s -> {
      assertThat((Object) s.labels()).isEqualTo(Entries.labels("cairn_test_requests_total", "path", ESCAPED));
      assertThat(s.value()).isEqualTo(3.0);
      assertThat(s.type()).isEqualTo(MetricType.COUNTER);
    });
    assertThat(series).anySatisfy(s -> {
      assertThat((Object) s.labels()).isEqualTo(Entries.labels("cairn_test_latency_seconds_bucket", "le", "+Inf"));
      assertThat(s.value()).isEqualTo(2.0);
      assertThat(s.type()).isEqualTo(MetricType.HISTOGRAM);
    });
    assertThat(series).anySatisfy(s -> {
      assertThat((Object) s.labels()).isEqualTo(Entries.labels("cairn_test_sizes", "quantile", "0.5"));
      assertThat(s.type()).isEqualTo(MetricType.SUMMARY);
    });
    assertThat(series).anySatisfy(s -> {
      assertThat(s.metricName()).isEqualTo("cairn_test_nan");
      assertThat(Double.doubleToRawLongBits(s.value())).isEqualTo(Parser.NORMAL_NAN_BITS);
    });
    assertThat(series).anySatisfy(s -> assertThat(s.metricName()).startsWith("jvm_memory_used_bytes"));
  }
}
