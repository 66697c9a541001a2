package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole alerting path against the real Alertmanager 0.25 (Debian package
 * prometheus-alertmanager): {@code cairn monitor} evaluates an alerting rule from a rule file,
 * expands its templated annotation, adds the external labels and sends the alert; Alertmanager
 * hands it to a webhook served by this test as "firing". After the rule file changes so that the
 * condition no longer holds and cairn reloads (SIGHUP), the alert resolves and the webhook gets it
 * as "resolved". A missing peer fails the test.
 */
class AlertingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULES = """
      groups:
        - name: availability
          interval: 1s
          rules:
            - alert: DatabaseDown
              expr: label_replace(vector(1), "instance", "db-1", "", "") %s 0
              labels:
                severity: page
              annotations:
                summary: "{{ $labels.instance }} is down ({{ $value | humanize }} of {{ $externalLabels.cluster }})"
      """;

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();
  private final BlockingQueue<JsonNode> webhook = new LinkedBlockingQueue<>();
  private Peers procs;
  private HttpServer hook;

  @BeforeEach
  void startPeers() {
    procs = new Peers(tmp);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    procs.close();
    if (hook != null) {
      hook.stop(0);
    }
  }

  @Test
  void firingAndResolvedAlertsReachTheRealAlertmanager() throws Exception {
    hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    hook.createContext("/hook", ex -> {
      try (ex) {
        webhook.add(JSON.readTree(ex.getRequestBody()));
        ex.sendResponseHeaders(200, -1);
      }
    });
    hook.start();
    Path amConfig = tmp.resolve("alertmanager.yml");
    Files.writeString(amConfig, """
        route:
          receiver: hook
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: hook
            webhook_configs:
              - url: http://127.0.0.1:%d/hook
                send_resolved: true
        """.formatted(hook.getAddress().getPort()));
    int am = Peers.freePort();
    procs.start("/usr/bin/prometheus-alertmanager", "--config.file=" + amConfig, "--storage.path=" + tmp.resolve("am-data"),
        "--cluster.listen-address=", "--web.listen-address=127.0.0.1:" + am);

    Path rules = tmp.resolve("rules.yml");
    Files.writeString(rules, RULES.formatted(">"));
    Path cfg = tmp.resolve("prometheus.yml");
    Files.writeString(cfg, """
        global: {evaluation_interval: 1s, external_labels: {cluster: it}}
        rule_files: [rules.yml]
        alerting:
          alertmanagers:
            - static_configs: [{targets: ['127.0.0.1:%d']}]
        """.formatted(am));
    int port = Peers.freePort();
    CairnProcess cairn = procs.cairn("monitor", "--data-dir", tmp.resolve("cairn").toString(), "--admin-address",
        "127.0.0.1:0", "--web.listen-address", "127.0.0.1:" + port, "--config.file", cfg.toString(),
        "--web.external-url", "http://cairn.example:9090/");
    cairn.awaitAdminUrl(Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30)).until(() -> procs.status("http://127.0.0.1:" + port + "/-/ready") == 200
        && procs.status("http://127.0.0.1:" + am + "/-/ready") == 200);
    assertThat(get(port, "/api/v1/alertmanagers")).contains("http://127.0.0.1:" + am + "/api/v2/alerts");

    JsonNode firing = next("firing");
    JsonNode alert = firing.path("alerts").get(0);
    assertThat(alert.path("labels")).isEqualTo(JSON.valueToTree(
        Map.of("alertname", "DatabaseDown", "instance", "db-1", "severity", "page", "cluster", "it")));
    assertThat(alert.at("/annotations/summary").asText()).isEqualTo("db-1 is down (1 of it)");
    assertThat(alert.path("generatorURL").asText()).startsWith("http://cairn.example:9090/graph?g0.expr=")
        .endsWith("&g0.tab=1");
    // ALERTS is written from the evaluation after the rule's state restore (the first one), as Prometheus.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode series = JSON.readTree(get(port, "/api/v1/query?query="
          + URLEncoder.encode("ALERTS{alertname=\"DatabaseDown\"}", StandardCharsets.UTF_8)));
      assertThat(series.at("/data/result/0/metric/alertstate").asText()).isEqualTo("firing");
    });

    Files.writeString(rules, RULES.formatted("<"));
    cairn.signal("HUP");
    JsonNode resolved = next("resolved");
    assertThat(resolved.at("/alerts/0/labels/alertname").asText()).isEqualTo("DatabaseDown");
    assertThat(resolved.at("/alerts/0/status").asText()).isEqualTo("resolved");
  }

  /** The next webhook notification with this status, looking at no more than 10 notifications. */
  private JsonNode next(String status) throws InterruptedException {
    for (int i = 0; i < 10; i++) {
      JsonNode n = webhook.poll(60, TimeUnit.SECONDS);
      assertThat(n).as("a webhook notification from Alertmanager (status " + status + ")").isNotNull();
      if (n.path("status").asText().equals(status)) {
        return n;
      }
    }
    throw new AssertionError("no " + status + " notification among the first 10");
  }

  private String get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
