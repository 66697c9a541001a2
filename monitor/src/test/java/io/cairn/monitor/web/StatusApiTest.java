package io.cairn.monitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.HostPort;
import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.EngineOptions;
import io.cairn.monitor.scrape.ActiveTarget;
import io.cairn.monitor.scrape.DroppedTarget;
import io.cairn.monitor.scrape.MetricMetadata;
import io.cairn.monitor.scrape.ScrapeTarget;
import io.cairn.monitor.scrape.TargetHealth;
import io.cairn.monitor.scrape.TargetMetadata;
import io.cairn.monitor.textparse.MetricType;
import io.cairn.tsdb.head.Head;
import io.cairn.tsdb.head.HeadOptions;
import io.cairn.tsdb.model.Labels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The targets, metadata and status endpoints answer Prometheus 2.42's JSON, byte for byte. */
class StatusApiTest {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private Head head;
  private MonitorWeb web;

  static final TargetMetadata NODE_META = new TargetMetadata() {
    @Override
    public List<MetricMetadata> list() {
      return List.of(new MetricMetadata("node_load1", MetricType.GAUGE, "1m load average.", ""),
          new MetricMetadata("http_requests", MetricType.COUNTER, "Requests.", "requests"));
    }

    @Override
    public Optional<MetricMetadata> get(String metric) {
      return list().stream().filter(m -> m.metric().equals(metric)).findFirst();
    }
  };

  static ScrapeTarget target(String job, String address) {
    return new ScrapeTarget(Labels.of("instance", address, "job", job),
        Labels.of("__address__", address, "__metrics_path__", "/metrics", "__scheme__", "http", "job", job),
        URI.create("http://" + address + "/metrics"), Duration.ofSeconds(2), Duration.ofSeconds(1),
        io.cairn.monitor.scrape.ScrapeSettings.DEFAULT);
  }

  final class Source implements StatusSource {
    @Override
    public Map<String, List<ActiveTarget>> activeTargets() {
      Map<String, List<ActiveTarget>> m = new LinkedHashMap<>();
      m.put("node", List.of(new ActiveTarget(target("node", "127.0.0.1:9100"), TargetHealth.UP,
          Optional.of(Instant.parse("2026-11-21T10:00:00.123Z")), Duration.ofNanos(12_042_787), "", NODE_META)));
      m.put("down", List.of(new ActiveTarget(target("down", "example.org:1"), TargetHealth.UNKNOWN,
          Optional.empty(), Duration.ZERO, "")));
      return m;
    }

    @Override
    public Map<String, List<DroppedTarget>> droppedTargets() {
      return Map.of("down", List.of(new DroppedTarget(Labels.of("__address__", "127.0.0.1:2", "job", "down"))));
    }

    @Override
    public String configYaml() {
      return "global:\n  scrape_interval: 1m\n";
    }

    @Override
    public Map<String, String> flags() {
      return Map.of("web.listen-address", "127.0.0.1:0", "config.file", "p.yml");
    }

    @Override
    public RuntimeInfo runtimeInfo() {
      return new RuntimeInfo(Instant.parse("2026-11-21T10:00:00.5Z"), "/tmp", true,
          Instant.parse("2026-11-21T10:00:01.75Z"), 0, "15d or 1GiB");
    }

    @Override
    public TsdbStatus tsdbStatus() {
      return new TsdbStatus(head.numSeries(), head.numChunks(), head.minTime(), head.maxTime(),
          head.postingsStats(Labels.METRIC_NAME));
    }
  }

  @BeforeEach
  void start() throws Exception {
    head = Head.open(dir.resolve("wal"), HeadOptions.defaults(), Long.MIN_VALUE);
    web = new MonitorWeb(new HostPort("127.0.0.1", 0), new MonitorWeb.Wiring(
        head, head, new PrometheusRegistry(), () -> {}, () -> true, true, true, () -> 0L, null, new Source(),
        new Engine(EngineOptions.defaults())));
    web.start();
  }

  @AfterEach
  void stop() throws Exception {
    web.stop();
    head.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String ok(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    return r.body();
  }

  @Test
  void targetsAreSortedByPoolWithGoTimesAndTheHostnameInTheGlobalUrl() throws Exception {
    String host = Hostname.get();
    String down = "{\"discoveredLabels\":{\"__address__\":\"example.org:1\",\"__metrics_path__\":\"/metrics\","
        + "\"__scheme__\":\"http\",\"job\":\"down\"},\"labels\":{\"instance\":\"example.org:1\",\"job\":\"down\"},"
        + "\"scrapePool\":\"down\",\"scrapeUrl\":\"http://example.org:1/metrics\",\"globalUrl\":\"http://example.org:1/metrics\","
        + "\"lastError\":\"\",\"lastScrape\":\"0001-01-01T00:00:00Z\",\"lastScrapeDuration\":0,\"health\":\"unknown\","
        + "\"scrapeInterval\":\"2s\",\"scrapeTimeout\":\"1s\"}";
    String node = "{\"discoveredLabels\":{\"__address__\":\"127.0.0.1:9100\",\"__metrics_path__\":\"/metrics\","
        + "\"__scheme__\":\"http\",\"job\":\"node\"},\"labels\":{\"instance\":\"127.0.0.1:9100\",\"job\":\"node\"},"
        + "\"scrapePool\":\"node\",\"scrapeUrl\":\"http://127.0.0.1:9100/metrics\",\"globalUrl\":\"http://" + host + ":9100/metrics\","
        + "\"lastError\":\"\",\"lastScrape\":\"2026-11-21T10:00:00.123Z\",\"lastScrapeDuration\":0.012042787,\"health\":\"up\","
        + "\"scrapeInterval\":\"2s\",\"scrapeTimeout\":\"1s\"}";
    String dropped = "{\"discoveredLabels\":{\"__address__\":\"127.0.0.1:2\",\"job\":\"down\"}}";
    assertThat(ok("/api/v1/targets")).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"activeTargets\":[" + down + "," + node + "],\"droppedTargets\":[" + dropped + "]}}");
    assertThat(ok("/api/v1/targets?state=Active")).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"activeTargets\":[" + down + "," + node + "],\"droppedTargets\":[]}}");
    assertThat(ok("/api/v1/targets?state=dropped")).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"activeTargets\":[],\"droppedTargets\":[" + dropped + "]}}");
    assertThat(ok("/api/v1/targets?state=xx")).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"activeTargets\":[],\"droppedTargets\":[]}}");
  }

  @Test
  void globalUrlOfTheOwnPortTakesTheExternalUrl() {
    TargetsApi t = new TargetsApi(new Source(), "box", 9090);
    assertThat(t.globalUrl(URI.create("https://localhost:9090/metrics?x=1"))).isEqualTo("http://box:9090/metrics?x=1");
    assertThat(t.globalUrl(URI.create("https://[::1]:8443/m"))).isEqualTo("https://box:8443/m");
    assertThat(t.globalUrl(URI.create("http://10.0.0.1:9100/metrics"))).isEqualTo("http://10.0.0.1:9100/metrics");
  }

  @Test
  void metadataPerTargetAndPerMetric() throws Exception {
    String target = "{\"instance\":\"127.0.0.1:9100\",\"job\":\"node\"}";
    assertThat(ok("/api/v1/targets/metadata?match_target=" + enc("{job=\"node\"}"))).isEqualTo(
        "{\"status\":\"success\",\"data\":[{\"target\":" + target + ",\"metric\":\"http_requests\",\"type\":\"counter\","
            + "\"help\":\"Requests.\",\"unit\":\"requests\"},{\"target\":" + target + ",\"metric\":\"node_load1\","
            + "\"type\":\"gauge\",\"help\":\"1m load average.\",\"unit\":\"\"}]}");
    assertThat(ok("/api/v1/targets/metadata?metric=node_load1")).isEqualTo("{\"status\":\"success\",\"data\":[{\"target\":"
        + target + ",\"type\":\"gauge\",\"help\":\"1m load average.\",\"unit\":\"\"}]}");
    assertThat(ok("/api/v1/targets/metadata?match_target=" + enc("{job=\"down\"}"))).isEqualTo("{\"status\":\"success\",\"data\":[]}");
    assertThat(ok("/api/v1/metadata")).isEqualTo("{\"status\":\"success\",\"data\":{\"http_requests\":[{\"type\":\"counter\","
        + "\"help\":\"Requests.\",\"unit\":\"requests\"}],\"node_load1\":[{\"type\":\"gauge\",\"help\":\"1m load average.\",\"unit\":\"\"}]}}");
    assertThat(ok("/api/v1/metadata?limit=1")).isEqualTo("{\"status\":\"success\",\"data\":{\"http_requests\":[{\"type\":\"counter\","
        + "\"help\":\"Requests.\",\"unit\":\"requests\"}]}}");
    assertThat(ok("/api/v1/metadata?metric=nope")).isEqualTo("{\"status\":\"success\",\"data\":{}}");
  }

  @Test
  void badParametersAreRefusedWithPrometheusTexts() throws Exception {
    HttpResponse<String> limit = get("/api/v1/metadata?limit=x");
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(limit.body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"limit must be a number\"}");
    HttpResponse<String> match = get("/api/v1/targets/metadata?match_target=" + enc("up[5m]"));
    assertThat(match.statusCode()).isEqualTo(400);
    assertThat(match.body()).isEqualTo(
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"match_target\\\": 1:3: parse error: unexpected \\\"[\\\"\"}");
    assertThat(get("/api/v1/status/nope").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void statusEndpoints() throws Exception {
    assertThat(ok("/api/v1/status/config")).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  scrape_interval: 1m\\n\"}}");
    assertThat(ok("/api/v1/status/flags")).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"config.file\":\"p.yml\",\"web.listen-address\":\"127.0.0.1:0\"}}");
    assertThat(ok("/api/v1/alertmanagers")).isEqualTo(
        "{\"status\":\"success\",\"data\":{\"activeAlertmanagers\":[],\"droppedAlertmanagers\":[]}}");
    assertThat(ok("/api/v1/status/buildinfo")).startsWith("{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\",\"revision\":")
        .contains(",\"branch\":\"cairn-", ",\"buildUser\":\"cairn\",\"buildDate\":\"\",\"goVersion\":\"java");
    assertThat(ok("/api/v1/status/runtimeinfo")).matches(
        "\\{\"status\":\"success\",\"data\":\\{\"startTime\":\"2026-11-21T10:00:00.5Z\",\"CWD\":\"/tmp\","
            + "\"reloadConfigSuccess\":true,\"lastConfigTime\":\"2026-11-21T10:00:01Z\",\"corruptionCount\":0,"
            + "\"goroutineCount\":[1-9][0-9]*,\"GOMAXPROCS\":[1-9][0-9]*,\"GOGC\":\"\",\"GODEBUG\":\"\","
            + "\"storageRetention\":\"15d or 1GiB\"}}");
  }

  @Test
  void tsdbStatusCountsTheHeadsPostings() throws Exception {
    assertThat(ok("/api/v1/status/tsdb")).isEqualTo("{\"status\":\"success\",\"data\":{\"headStats\":{\"numSeries\":0,"
        + "\"numLabelPairs\":0,\"chunkCount\":0,\"minTime\":9223372036854775807,\"maxTime\":-9223372036854775808},"
        + "\"seriesCountByMetricName\":[],\"labelValueCountByLabelName\":[],\"memoryInBytesByLabelName\":[],"
        + "\"seriesCountByLabelValuePair\":[]}}");
    var app = head.appender();
    app.append(0, Labels.of("__name__", "up", "job", "a"), 1000, 1);
    app.append(0, Labels.of("__name__", "up", "job", "bb"), 1000, 1);
    app.append(0, Labels.of("__name__", "x", "job", "a"), 2000, 1);
    app.commit();
    assertThat(ok("/api/v1/status/tsdb")).isEqualTo("{\"status\":\"success\",\"data\":{\"headStats\":{\"numSeries\":3,"
        + "\"numLabelPairs\":4,\"chunkCount\":3,\"minTime\":1000,\"maxTime\":2000},"
        + "\"seriesCountByMetricName\":[{\"name\":\"up\",\"value\":2},{\"name\":\"x\",\"value\":1}],"
        + "\"labelValueCountByLabelName\":[{\"name\":\"__name__\",\"value\":2},{\"name\":\"job\",\"value\":2}],"
        + "\"memoryInBytesByLabelName\":[{\"name\":\"__name__\",\"value\":3},{\"name\":\"job\",\"value\":3}],"
        + "\"seriesCountByLabelValuePair\":[{\"name\":\"__name__=up\",\"value\":2},{\"name\":\"job=a\",\"value\":2},"
        + "{\"name\":\"__name__=x\",\"value\":1},{\"name\":\"job=bb\",\"value\":1}]}}");
  }

  @Test
  void goRenderings() {
    assertThat(GoFormat.jsonFloat(0)).isEqualTo("0");
    assertThat(GoFormat.jsonFloat(0.012042787)).isEqualTo("0.012042787");
    assertThat(GoFormat.jsonFloat(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(GoFormat.jsonFloat(1e21)).isEqualTo("1e+21");
    assertThat(GoFormat.rfc3339Nano(Optional.of(Instant.parse("2026-11-22T00:01:48.404531935Z"))))
        .isEqualTo("2026-11-22T00:01:48.404531935Z");
    assertThat(GoFormat.rfc3339Nano(Optional.of(Instant.parse("2026-11-22T00:01:48Z")))).isEqualTo("2026-11-22T00:01:48Z");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void alertmanagersAsPrometheus() {
    // Prometheus 2.42.0's answer for two active and one dropped Alertmanager
    assertThat(StatusApi.alertmanagers(new StatusSource.Alertmanagers(
        List.of("http://127.0.0.1:1/api/v2/alerts", "https://h2/am/api/v1/alerts"), List.of("http://drop:9093/api/v2/alerts"))))
        .isEqualTo("{\"activeAlertmanagers\":[{\"url\":\"http://127.0.0.1:1/api/v2/alerts\"},"
            + "{\"url\":\"https://h2/am/api/v1/alerts\"}],\"droppedAlertmanagers\":[{\"url\":\"http://drop:9093/api/v2/alerts\"}]}");
  }
}
