package io.cairn.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.config.StaticConfig;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraefikMetricsTest {
  private static final StaticConfig.Prometheus DEFAULTS =
      new StaticConfig.Prometheus("traefik", StaticConfig.Prometheus.DEFAULT_BUCKETS, true, false, true, false);

  private static ExchangeRecord record(int status, long nanos, String router, String service, String tlsVersion,
      HttpHeaders headers) {
    return new ExchangeRecord(1, Instant.EPOCH, nanos, "web", "HTTP/1.1", "GET", "/", "h", "127.0.0.1:1", tlsVersion,
        tlsVersion.isEmpty() ? "" : "TLS_AES_128_GCM_SHA256", headers, status, 10, 100, status, 100, router, service,
        "http://127.0.0.1:9", "", 0);
  }

  @Test
  void histogramBucketsAreCumulativeWithSumAndCount() {
    TraefikMetrics m = new TraefikMetrics(DEFAULTS);
    m.finished(record(200, 50_000_000, "", "", "", new DefaultHttpHeaders()));   // 0.05 s
    m.finished(record(200, 200_000_000, "", "", "", new DefaultHttpHeaders()));  // 0.2 s
    m.finished(record(200, 2_000_000_000, "", "", "", new DefaultHttpHeaders())); // 2 s
    m.finished(record(200, 9_000_000_000L, "", "", "", new DefaultHttpHeaders())); // 9 s
    String text = m.scrape();
    String l = "code=\"200\",entrypoint=\"web\",method=\"GET\",protocol=\"http\"";
    assertThat(text).contains(
        "# TYPE traefik_entrypoint_request_duration_seconds histogram\n",
        "traefik_entrypoint_request_duration_seconds_bucket{" + l + ",le=\"0.1\"} 1\n",
        "traefik_entrypoint_request_duration_seconds_bucket{" + l + ",le=\"0.3\"} 2\n",
        "traefik_entrypoint_request_duration_seconds_bucket{" + l + ",le=\"1.2\"} 2\n",
        "traefik_entrypoint_request_duration_seconds_bucket{" + l + ",le=\"5\"} 3\n",
        "traefik_entrypoint_request_duration_seconds_bucket{" + l + ",le=\"+Inf\"} 4\n",
        "traefik_entrypoint_request_duration_seconds_sum{" + l + "} 11.25\n",
        "traefik_entrypoint_request_duration_seconds_count{" + l + "} 4\n",
        "traefik_entrypoint_requests_total{" + l + "} 4\n",
        "traefik_entrypoint_requests_bytes_total{" + l + "} 40\n",
        "traefik_entrypoint_responses_bytes_total{" + l + "} 400\n",
        "# TYPE traefik_config_reloads_total counter\n");
    assertThat(m.entryPointRequests("200", "GET", "http", "web")).isEqualTo(4);
  }

  @Test
  void routerLabelsOnlyWhenAskedServiceLabelsByDefault() {
    TraefikMetrics m = new TraefikMetrics(DEFAULTS);
    m.finished(record(502, 1, "r@file", "s@file", "", new DefaultHttpHeaders()));
    assertThat(m.scrape()).doesNotContain("traefik_router_")
        .contains("traefik_service_requests_total{code=\"502\",method=\"GET\",protocol=\"http\",service=\"s@file\"} 1\n");
    TraefikMetrics all = new TraefikMetrics(
        new StaticConfig.Prometheus("traefik", List.of(1.0), false, true, false, false));
    all.finished(record(200, 1, "r@file", "s@file", "1.3", new DefaultHttpHeaders()));
    assertThat(all.scrape()).doesNotContain("traefik_entrypoint_requests_total", "traefik_service_requests_total")
        .contains("traefik_router_requests_total{code=\"200\",method=\"GET\",protocol=\"http\",router=\"r@file\",service=\"s@file\"} 1\n",
            "traefik_router_requests_tls_total{router=\"r@file\",service=\"s@file\",tls_cipher=\"TLS_AES_128_GCM_SHA256\",tls_version=\"1.3\"} 1\n");
  }

  @Test
  void labelValuesAndHeaderLabelsAreEscaped() {
    TraefikMetrics m = new TraefikMetrics(new StaticConfig.Prometheus("traefik", List.of(0.1), true, false, true, false,
        Map.of("useragent", "User-Agent")));
    HttpHeaders h = new DefaultHttpHeaders().add("User-Agent", "a \"quoted\" \\ backslash");
    m.finished(record(200, 1, "", "", "", h));
    assertThat(m.scrape()).contains("traefik_entrypoint_requests_total{code=\"200\",entrypoint=\"web\",method=\"GET\","
        + "protocol=\"http\",useragent=\"a \\\"quoted\\\" \\\\ backslash\"} 1\n");
    StringBuilder b = new StringBuilder();
    PromText.escape(b, "line\nbreak");
    assertThat(b).hasToString("line\\nbreak");
    assertThatThrownBy(() -> new TraefikMetrics(new StaticConfig.Prometheus("traefik", List.of(0.1), true, false, true,
        false, Map.of("bad-name", "X")))).hasMessageContaining("\"bad-name\" is not a usable label name");
  }

  @Test
  void protocolLabelFollowsTraefik() {
    assertThat(TraefikMetrics.protocol(record(101, 1, "", "", "",
        new DefaultHttpHeaders().add("Upgrade", "websocket")))).isEqualTo("websocket");
    assertThat(TraefikMetrics.protocol(record(200, 1, "", "", "",
        new DefaultHttpHeaders().add("Accept", "text/event-stream")))).isEqualTo("sse");
    assertThat(TraefikMetrics.protocol(record(200, 1, "", "", "", new DefaultHttpHeaders()))).isEqualTo("http");
  }

  @Test
  void gaugesComeFromTheirSuppliers() {
    TraefikMetrics m = new TraefikMetrics(DEFAULTS);
    m.configReloaded();
    m.serverStatus(() -> Map.of("s@file", Map.of("http://a:1", true, "http://b:2", false)));
    m.openConnections(() -> Map.of("web", 3));
    m.certificates(() -> List.of(new TraefikMetrics.CertificateExpiry("example.com", "1f", "example.com,www.example.com",
        1_900_000_000L)));
    assertThat(m.scrape()).contains("traefik_config_reloads_total 1\n",
        "traefik_service_server_up{service=\"s@file\",url=\"http://a:1\"} 1\n",
        "traefik_service_server_up{service=\"s@file\",url=\"http://b:2\"} 0\n",
        "traefik_open_connections{entrypoint=\"web\",protocol=\"TCP\"} 3\n",
        "traefik_tls_certs_not_after{cn=\"example.com\",sans=\"example.com,www.example.com\",serial=\"1f\"} 1.9e+09\n")
        .containsPattern("traefik_config_last_reload_success \\d\\.\\d+e\\+09\n");
  }

  @Test
  void numbersAreWrittenAsGoWritesThem() {
    assertThat(PromText.number(5.0)).isEqualTo("5");
    assertThat(PromText.number(0.3)).isEqualTo("0.3");
    assertThat(PromText.number(100000)).isEqualTo("100000");
    assertThat(PromText.number(1234567)).isEqualTo("1.234567e+06");
    assertThat(PromText.number(0.00001)).isEqualTo("1e-05");
    assertThat(PromText.number(0.0001)).isEqualTo("0.0001");
    assertThat(PromText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PromText.number(-2.5)).isEqualTo("-2.5");
  }

  @Test
  void refusedRequestsAreNotCountedAndBadBucketsRefused() {
    TraefikMetrics m = new TraefikMetrics(DEFAULTS);
    m.finished(new ExchangeRecord(1, Instant.EPOCH, 0, "web", "-", "-", "-", "", "127.0.0.1:1", "", "",
        new DefaultHttpHeaders(), 400, 0, 0, 0, 0, "", "", "", "", 0));
    assertThat(m.scrape()).doesNotContain("traefik_entrypoint_requests_total");
    assertThatThrownBy(() -> new TraefikMetrics(new StaticConfig.Prometheus("traefik", List.of(1.0, 0.5), true, false,
        true, false))).hasMessageContaining("strictly increasing");
  }
}
