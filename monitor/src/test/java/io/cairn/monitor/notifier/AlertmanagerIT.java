package io.cairn.monitor.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.scrape.HttpSettings;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier against the real Alertmanager 0.25 (Debian package prometheus-alertmanager): a
 * firing alert shows in Alertmanager's API and reaches a webhook as "firing" with its labels and
 * annotations; the same alert resolved reaches it as "resolved". Fails, never skips, when the
 * binary is missing.
 */
class AlertmanagerIT {
  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();
  private final BlockingQueue<JsonNode> webhook = new LinkedBlockingQueue<>();
  private Process alertmanager;
  private HttpServer hook;
  private Notifier notifier;

  @AfterEach
  void stop() throws Exception {
    if (notifier != null) {
      notifier.close();
    }
    if (alertmanager != null) {
      alertmanager.destroy();
      if (!alertmanager.waitFor(20, TimeUnit.SECONDS)) {
        alertmanager.destroyForcibly();
      }
    }
    if (hook != null) {
      hook.stop(0);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private int status(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The next webhook notification with this status, looking at no more than 10 notifications. */
  private JsonNode nextNotification(String status) throws InterruptedException {
    for (int i = 0; i < 10; i++) {
      JsonNode n = webhook.poll(60, TimeUnit.SECONDS);
      assertThat(n).as("a webhook notification from Alertmanager").isNotNull();
      if (n.path("status").asText().equals(status)) {
        return n;
      }
    }
    throw new AssertionError("no " + status + " notification among the first 10");
  }

  @Test
  void firingThenResolvedReachTheRealAlertmanagersWebhook() throws Exception {
    assertThat(Files.isExecutable(BINARY)).as(BINARY + " (Debian package prometheus-alertmanager) must be installed").isTrue();
    hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    hook.createContext("/hook", ex -> {
      try (ex) {
        webhook.add(JSON.readTree(ex.getRequestBody()));
        ex.sendResponseHeaders(200, -1);
      }
    });
    hook.start();
    Path config = tmp.resolve("alertmanager.yml");
    Files.writeString(config, """
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
    int port = freePort();
    alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + config, "--storage.path=" + tmp.resolve("data"),
        "--cluster.listen-address=", "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("alertmanager.log").toFile()).start();
    String base = "http://127.0.0.1:" + port;
    await().atMost(Duration.ofSeconds(30)).until(() -> status(base + "/-/ready") == 200);

    notifier = new Notifier(100, new PrometheusRegistry());
    notifier.apply(new NotifierSettings(Map.of("cluster", "it"), List.of(), List.of(
        new SetSettings("config-0", "http", "", "v2", Duration.ofSeconds(10), HttpSettings.DEFAULT, List.of()))));
    notifier.sync(Map.of("config-0", List.of(TargetGroup.of("0", List.of("127.0.0.1:" + port), Map.of()))));
    assertThat(notifier.alertmanagers().active()).containsExactly(base + "/api/v2/alerts");

    Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
    Map<String, String> labels = Map.of("alertname", "CairnIT", "severity", "page");
    Map<String, String> annotations = Map.of("summary", "cairn's notifier <works>");
    String generator = "http://cairn:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1";
    notifier.send(List.of(new Alert(labels, annotations, start, Instant.now().plus(5, ChronoUnit.MINUTES), generator)));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode alerts = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertThat(alerts.size()).isEqualTo(1);
      assertThat(alerts.get(0).path("labels")).isEqualTo(JSON.valueToTree(Map.of("alertname", "CairnIT", "severity", "page", "cluster", "it")));
      assertThat(alerts.get(0).at("/status/state").asText()).isEqualTo("active");
      assertThat(alerts.get(0).path("generatorURL").asText()).isEqualTo(generator);
    });
    JsonNode firing = nextNotification("firing");
    JsonNode alert = firing.path("alerts").get(0);
    assertThat(alert.path("status").asText()).isEqualTo("firing");
    assertThat(alert.path("labels")).isEqualTo(JSON.valueToTree(Map.of("alertname", "CairnIT", "severity", "page", "cluster", "it")));
    assertThat(alert.path("annotations")).isEqualTo(JSON.valueToTree(annotations));
    assertThat(alert.path("generatorURL").asText()).isEqualTo(generator);
    assertThat(Instant.parse(alert.path("startsAt").asText())).isEqualTo(start.truncatedTo(ChronoUnit.MILLIS));

    Instant end = Instant.now().minus(1, ChronoUnit.SECONDS);
    notifier.send(List.of(new Alert(labels, annotations, start, end, generator)));
    JsonNode resolved = nextNotification("resolved");
    JsonNode r = resolved.path("alerts").get(0);
    assertThat(r.path("status").asText()).isEqualTo("resolved");
    assertThat(r.path("labels").path("alertname").asText()).isEqualTo("CairnIT");
    assertThat(Instant.parse(r.path("endsAt").asText())).isEqualTo(end.truncatedTo(ChronoUnit.MILLIS));
  }
}
