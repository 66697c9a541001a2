package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert's {@code for} state survives a restart, as Prometheus's {@code RestoreForState}: a
 * pending alert with {@code for: 1h} (longer than the 10 min grace period) keeps the time it had
 * spent pending across {@code kill -9} and a new {@code cairn monitor} on the same storage: its
 * active time, read back from {@code ALERTS_FOR_STATE}, is shifted by the downtime.
 */
class AlertRestoreIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path tmp;
  private Peers procs;

  @BeforeEach
  void start() {
    procs = new Peers(tmp);
  }

  @AfterEach
  void stop() throws InterruptedException {
    procs.close();
  }

  @Test
  void pendingAlertKeepsItsActiveTimeAcrossKill9() throws Exception {
    Files.writeString(tmp.resolve("rules.yml"), """
        groups:
          - name: restore
            interval: 1s
            rules:
              - alert: SlowBurn
                expr: vector(1)
                for: 1h
        """);
    Path cfg = tmp.resolve("prometheus.yml");
    Files.writeString(cfg, "global: {evaluation_interval: 1s}\nrule_files: [rules.yml]\n");

    int port = startCairn(cfg);
    // ALERTS_FOR_STATE holds the active time once the first evaluation's restore pass has run.
    AtomicReference<String> activeAt = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode forState = query(port, "ALERTS_FOR_STATE{alertname=\"SlowBurn\"}");
      assertThat(forState.at("/data/result").size()).isEqualTo(1);
      JsonNode alert = JSON.readTree(get(port, "/api/v1/alerts")).at("/data/alerts/0");
      assertThat(alert.path("state").asText()).isEqualTo("pending");
      activeAt.set(alert.path("activeAt").asText());
      assertThat(forState.at("/data/result/0/value/1").asLong())
          .isEqualTo(Instant.parse(activeAt.get()).getEpochSecond());
    });
    Thread.sleep(5_000); // pending for 5 s and more before going down
    Instant killedAt = Instant.now();
    procs.cairns().getLast().close(); // kill -9
    procs.cairns().getLast().awaitExit(Duration.ofSeconds(30));

    // Prometheus's RestoreForState keeps the time spent pending before the outage: the restored
    // active time is the old one shifted by the downtime. A fresh alert would have pended ~1 s when
    // its first ALERTS_FOR_STATE sample is written.
    long old = Instant.parse(activeAt.get()).getEpochSecond();
    int again = startCairn(cfg);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode alert = JSON.readTree(get(again, "/api/v1/alerts")).at("/data/alerts/0");
      assertThat(alert.path("state").asText()).isEqualTo("pending");
      JsonNode samples = query(again, "ALERTS_FOR_STATE{alertname=\"SlowBurn\"}[5m]").at("/data/result/0/values");
      double down = 0;
      double firstAfter = 0;
      for (JsonNode s : samples) {
        double t = s.get(0).asDouble();
        if (t <= killedAt.getEpochSecond() + 1) {
          down = t;
        } else if (firstAfter == 0) {
          firstAfter = t;
          assertThat(s.get(1).asLong()).as("ALERTS_FOR_STATE after the restart").isEqualTo(
              Instant.parse(alert.path("activeAt").asText()).getEpochSecond());
        }
      }
      assertThat(firstAfter).as("a sample after the restart").isPositive();
      long restored = Instant.parse(alert.path("activeAt").asText()).getEpochSecond();
      assertThat(restored).as("activeAt shifted by the downtime").isGreaterThan(old);
      assertThat((firstAfter - restored) - (down - old)).as("time pending before the outage, kept").isBetween(-2.0, 2.0);
    });
  }

  /**
   * Starts cairn on a port that was free a moment ago; another process may take it before cairn binds
   * it (CI lost that race once), so a start refused with "Address already in use" is tried again on
   * another port, up to three times.
   */
  private int startCairn(Path cfg) throws Exception {
    int port;
    for (int attempt = 1; ; attempt++) {
      port = Peers.freePort();
      CairnProcess c = procs.cairn("monitor", "--data-dir", tmp.resolve("cairn").toString(), "--admin-address",
          "127.0.0.1:0", "--web.listen-address", "127.0.0.1:" + port, "--config.file", cfg.toString());
      try {
        c.awaitAdminUrl(Duration.ofSeconds(60));
        break;
      } catch (AssertionError e) {
        if (attempt == 3 || c.err.stream().noneMatch(l -> l.contains("Address already in use"))) {
          throw e;
        }
      }
    }
    int bound = port;
    await().atMost(Duration.ofSeconds(30)).until(() -> procs.status("http://127.0.0.1:" + bound + "/-/ready") == 200);
    return bound;
  }

  private JsonNode query(int port, String expr) throws Exception {
    return JSON.readTree(get(port, "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)));
  }

  private String get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
