package io.cairn.monitor.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser Prometheus 2.42 picks for a Content-Type, and the Accept header it sends. */
class ContentTypesTest {
  @Test
  void acceptHeaderIsPrometheus242s() {
    assertThat(ContentTypes.SCRAPE_ACCEPT_HEADER)
        .isEqualTo(
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/openmetrics-text",
        "application/openmetrics-text; version=1.0.0; charset=utf-8",
        "application/openmetrics-text;version=0.0.1",
        "Application/OpenMetrics-Text; Version=1.0.0",
        "  application/openmetrics-text  ;  version = 1.0.0 ",
        "application/openmetrics-text; version=\"1.0.0\"",
        "application/openmetrics-text; version=1.0.0;",
      })
  void openMetricsMediaTypeSelectsOpenMetrics(String contentType) {
    assertThat(ContentTypes.isOpenMetrics(contentType)).isTrue();
    assertThat(Parser.forContentType(contentType, new byte[0]).isOpenMetrics()).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "text/plain; version=0.0.4; charset=utf-8",
        "text/plain",
        "application/json",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited",
        "application/openmetrics-text-extra",
        // malformed headers fall back to the text format, as mime.ParseMediaType errors do in 2.42
        "application/openmetrics-text; version",
        "application/openmetrics-text; =1.0.0",
        "application/openmetrics-text; version=1.0.0;;",
        "application/openmetrics-text; version=1; version=2",
        "application/openmetrics-text; version=\"1.0.0",
        "application/openmetrics-text garbage",
      })
  void anythingElseSelectsTheTextFormat(String contentType) {
    assertThat(ContentTypes.isOpenMetrics(contentType)).isFalse();
    assertThat(Parser.forContentType(contentType, new byte[0]).isOpenMetrics()).isFalse();
  }
}
