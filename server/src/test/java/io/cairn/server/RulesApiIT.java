package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording and alerting rules of {@code cairn monitor} against the real Prometheus 2.42 with the
 * same configuration and rule file: {@code /api/v1/rules} (all, {@code type=record}, {@code
 * type=alert}, a bad type) and {@code /api/v1/alerts} must be equal once times and durations are
 * normalised, and the real {@code promtool query instant} must print the same recorded series and
 * {@code ALERTS} for both (timestamps removed). A missing peer fails the test. The templated
 * annotation needs the template engine ({@code AlertTemplates.expand}); without it the text stays
 * unexpanded and the comparison fails.
 */
class RulesApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULES = """
      groups:
        - name: rec
          rules:
            - record: job:one
              expr: vector(1)
            - record: two_series
              expr: label_replace(vector(2), "x", "a", "", "") or label_replace(vector(3), "x", "b", "", "")
              labels:
                team: infra
            - record: dup
              expr: label_replace(vector(2), "x", "a", "", "") or label_replace(vector(3), "x", "b", "", "")
              labels:
                x: same
        - name: alerts
          interval: 2s
          rules:
            - alert: AlwaysFiring
              expr: label_replace(vector(1), "instance", "i1", "", "") > 0
              labels:
                severity: page
              annotations:
                summary: always firing
                detail: "on {{ $labels.instance }}"
            - alert: LongPending
              expr: job:one == 1
              for: 1h
              keep_firing_for: 5m
              annotations:
                description: stays pending
            - alert: Never
              expr: vector(1) < 0
      """;

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

  private String get(int port, String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void rulesAlertsAndRecordedSeriesAsPrometheus() throws Exception {
    Path cfg = tmp.resolve("prometheus.yml");
    Files.writeString(cfg, "global: {scrape_interval: 1s, evaluation_interval: 1s}\nrule_files: [rules.yml]\n");
    Files.writeString(tmp.resolve("rules.yml"), RULES);
    int prom = Peers.freePort();
    procs.start("prometheus", "--config.file=" + cfg, "--storage.tsdb.path=" + tmp.resolve("prom-data"),
        "--web.listen-address=127.0.0.1:" + prom);
    int port = Peers.freePort();
    CairnProcess cairn = procs.cairn("monitor", "--data-dir", tmp.resolve("cairn").toString(), "--admin-address",
        "127.0.0.1:0", "--web.listen-address", "127.0.0.1:" + port, "--config.file", cfg.toString());
    cairn.awaitAdminUrl(Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30)).until(() -> procs.status("http://127.0.0.1:" + port + "/-/ready") == 200
        && procs.status("http://127.0.0.1:" + prom + "/-/ready") == 200);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      for (int p : List.of(prom, port)) {
        String alerts = get(p, "/api/v1/alerts");
        assertThat(alerts).as("alerts on " + p).contains("\"state\":\"firing\"").contains("\"state\":\"pending\"");
        assertThat(get(p, "/api/v1/rules")).as("rules on " + p).doesNotContain("\"health\":\"unknown\"");
        assertThat(promtool(p, "ALERTS")).as("ALERTS on " + p).hasSize(2);
      }
    });
    for (String q : List.of("/api/v1/rules", "/api/v1/rules?type=record", "/api/v1/rules?type=alert",
        "/api/v1/rules?type=ALERT", "/api/v1/alerts")) {
      assertThat(normalised(get(port, q))).as(q).isEqualTo(normalised(get(prom, q)));
    }
    assertThat(get(port, "/api/v1/rules?type=bogus")).isEqualTo(get(prom, "/api/v1/rules?type=bogus"));
    for (String q : List.of("ALERTS", "job:one", "two_series", "dup", "count(ALERTS_FOR_STATE)")) {
      assertThat(promtool(port, q)).as(q).isEqualTo(promtool(prom, q));
    }
    assertThat(promtool(port, "two_series")).hasSize(2);
  }

  /** The answer with every time set to "t" and every duration to 0; alerts sorted (Prometheus walks a map). */
  private static JsonNode normalised(String body) throws Exception {
    JsonNode n = JSON.readTree(body);
    normalise(n);
    return n;
  }

  private static void normalise(JsonNode n) {
    if (n instanceof ObjectNode o) {
      for (String f : List.of("lastEvaluation", "activeAt")) {
        if (o.has(f)) {
          o.put(f, "t");
        }
      }
      if (o.has("evaluationTime")) {
        o.put("evaluationTime", 0);
      }
      if (o.get("alerts") != null && o.get("alerts").isArray()) {
        List<JsonNode> sorted = new java.util.ArrayList<>();
        o.get("alerts").forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(JsonNode::toString));
        o.set("alerts", JSON.valueToTree(sorted));
      }
    }
    n.forEach(RulesApiIT::normalise);
  }

  /** {@code promtool query instant} output lines without their {@code @[timestamp]}, sorted. */
  private static List<String> promtool(int port, String query) throws Exception {
    Process p = new ProcessBuilder("promtool", "query", "instant", "http://127.0.0.1:" + port, query)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(p.exitValue()).as("promtool exit code; output:\n" + out).isZero();
    return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).map(l -> l.replaceAll(" @\\[[0-9.]+\\]$", ""))
        .sorted().toList();
  }
}
