package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The targets, metadata and status endpoints of {@code cairn monitor} against the real Prometheus
 * 2.42 with the same configuration file, both scraping a real node exporter, a down target
 * ({@code 127.0.0.1:1}) and a target relabelling drops. Timestamps, durations and error texts are
 * normalised; everything else must be equal. A missing peer fails the test.
 */
class StatusApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();
  private Peers procs;

  @BeforeEach
  void startPeers() {
    procs = new Peers(tmp);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    procs.close();
  }


  private void peer(String... cmd) throws IOException {
    procs.start(cmd);
  }


  private int status(String url) {
    return procs.status(url);
  }


  private String get(int port, String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private JsonNode data(int port, String pathAndQuery) throws Exception {
    JsonNode n = JSON.readTree(get(port, pathAndQuery));
    assertThat(n.path("status").asText()).as(pathAndQuery + " on " + port).isEqualTo("success");
    return n.get("data");
  }

  @Test
  void answersAsPrometheusForTheSameConfig() throws Exception {
    int node = Peers.freePort();
    peer("prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + node, "--collector.disable-defaults",
        "--collector.cpu", "--collector.meminfo", "--collector.loadavg");
    await().atMost(Duration.ofSeconds(20)).until(() -> status("http://127.0.0.1:" + node + "/metrics") == 200);
    Path cfg = tmp.resolve("prometheus.yml");
    Files.writeString(cfg, """
        global: {scrape_interval: 1s, scrape_timeout: 1s}
        alerting:
          alert_relabel_configs: [{action: labeldrop, regex: tmp}]
          alertmanagers:
            - static_configs: [{targets: ["127.0.0.1:1", "amhost", "drop:9093"]}]
              relabel_configs: [{source_labels: [__address__], regex: "drop.*", action: drop}]
            - {scheme: https, path_prefix: /am, timeout: 3s, static_configs: [{targets: [h2]}]}
        scrape_configs:
          - job_name: node
            static_configs: [{targets: ["127.0.0.1:%d"], labels: {env: it}}]
            metric_relabel_configs:
              - {source_labels: [__name__], regex: "node_cpu_guest_seconds_total", action: drop}
          - job_name: down
            static_configs: [{targets: ["127.0.0.1:1"]}]
          - job_name: dropper
            static_configs: [{targets: ["127.0.0.1:2", "127.0.0.1:3"]}]
            relabel_configs:
              - {source_labels: [__address__], regex: "127.0.0.1:2", action: drop}
        """.formatted(node));
    int prom = Peers.freePort();
    peer("prometheus", "--config.file=" + cfg, "--storage.tsdb.path=" + tmp.resolve("prom-data"),
        "--web.listen-address=127.0.0.1:" + prom);
    int port = Peers.freePort();
    CairnProcess cairn = procs.cairn("monitor", "--data-dir", tmp.resolve("cairn").toString(), "--admin-address", "127.0.0.1:0",
        "--web.listen-address", "127.0.0.1:" + port, "--config.file", cfg.toString());
    cairn.awaitAdminUrl(Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30)).until(() -> status("http://127.0.0.1:" + port + "/-/ready") == 200
        && status("http://127.0.0.1:" + prom + "/-/ready") == 200);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonNode theirs = targets(prom);
      assertThat(theirs.toString()).doesNotContain("0001-01-01T00:00:00Z").contains("\"health\":\"up\"");
      assertThat(targets(port)).isEqualTo(theirs);
    });
    assertThat(data(port, "/api/v1/status/config")).isEqualTo(data(prom, "/api/v1/status/config"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> { // both discover Alertmanagers every 5 s
      assertThat(data(port, "/api/v1/alertmanagers").path("activeAlertmanagers").size()).isEqualTo(3);
      assertThat(get(port, "/api/v1/alertmanagers")).isEqualTo(get(prom, "/api/v1/alertmanagers"));
    });
    for (String q : List.of("/api/v1/targets?state=dropped", "/api/v1/targets?state=nope",
        "/api/v1/targets/metadata?metric=node_load1", "/api/v1/metadata?metric=node_load1")) {
      assertThat(get(port, q)).as(q).isEqualTo(get(prom, q));
    }
    for (String q : List.of("/api/v1/metadata?limit=x", "/api/v1/targets/metadata?match_target=" + enc("up[5m]"))) {
      assertThat(get(port, q)).as(q).isEqualTo(get(prom, q));
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      String q = "/api/v1/targets/metadata?match_target=" + enc("{job=\"node\"}");
      assertThat(entries(data(port, q))).isEqualTo(entries(data(prom, q)));
      assertThat(sortedLists(data(port, "/api/v1/metadata"))).isEqualTo(sortedLists(data(prom, "/api/v1/metadata")));
    });
    await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> { // Prometheus caches these stats for 30s
      JsonNode ours = data(port, "/api/v1/status/tsdb");
      JsonNode theirs = data(prom, "/api/v1/status/tsdb");
      assertThat(names(ours)).isEqualTo(names(theirs));
      assertThat(names(ours.get("headStats"))).isEqualTo(names(theirs.get("headStats")));
      assertThat(ours.at("/headStats/numSeries")).isEqualTo(theirs.at("/headStats/numSeries"));
      assertThat(ours.at("/headStats/numLabelPairs")).isEqualTo(theirs.at("/headStats/numLabelPairs"));
      for (String list : List.of("seriesCountByMetricName", "labelValueCountByLabelName", "memoryInBytesByLabelName",
          "seriesCountByLabelValuePair")) {
        assertThat(values(ours.get(list))).as(list).isEqualTo(values(theirs.get(list)));
      }
    });
    assertThat(names(data(port, "/api/v1/status/buildinfo"))).isEqualTo(names(data(prom, "/api/v1/status/buildinfo")));
    assertThat(data(port, "/api/v1/status/buildinfo").get("version").asText()).isEqualTo("2.42.0");
    assertThat(data(prom, "/api/v1/status/buildinfo").get("version").asText()).startsWith("2.42.0");
    assertThat(names(data(port, "/api/v1/status/runtimeinfo"))).isEqualTo(names(data(prom, "/api/v1/status/runtimeinfo")));
    assertThat(data(port, "/api/v1/status/runtimeinfo").get("storageRetention"))
        .isEqualTo(data(prom, "/api/v1/status/runtimeinfo").get("storageRetention"));
    List<String> ourFlags = names(data(port, "/api/v1/status/flags"));
    List<String> theirFlags = names(data(prom, "/api/v1/status/flags"));
    assertThat(ourFlags).containsAll(theirFlags);
    assertThat(ourFlags).hasSize(theirFlags.size() + 2)
        .contains("storage.tsdb.out-of-order-time-window", "storage.tsdb.max-series");
  }

  /** The targets answer with times, durations and error texts normalised, targets in a stable order. */
  private JsonNode targets(int port) throws Exception {
    JsonNode d = data(port, "/api/v1/targets");
    List<JsonNode> active = new ArrayList<>();
    for (JsonNode t : d.get("activeTargets")) {
      ObjectNode o = (ObjectNode) t;
      o.put("lastScrape", o.get("lastScrape").asText().equals("0001-01-01T00:00:00Z") ? "zero" : "set");
      o.put("lastScrapeDuration", o.get("lastScrapeDuration").asDouble() > 0 ? "positive" : "zero");
      o.put("lastError", o.get("lastError").asText().isEmpty() ? "" : "an error");
      active.add(o);
    }
    active.sort((a, b) -> (a.get("scrapePool").asText() + a.get("scrapeUrl").asText())
        .compareTo(b.get("scrapePool").asText() + b.get("scrapeUrl").asText()));
    ((ObjectNode) d).set("activeTargets", JSON.valueToTree(active));
    return d;
  }

  private static TreeSet<String> entries(JsonNode list) {
    TreeSet<String> out = new TreeSet<>();
    list.forEach(n -> out.add(n.toString()));
    return out;
  }

  private static String sortedLists(JsonNode map) {
    StringBuilder sb = new StringBuilder();
    map.fieldNames().forEachRemaining(k -> sb.append(k).append(entries(map.get(k))).append('\n'));
    return sb.toString();
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<Long> values(JsonNode stats) {
    List<Long> out = new ArrayList<>();
    stats.forEach(s -> out.add(s.get("value").asLong()));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
