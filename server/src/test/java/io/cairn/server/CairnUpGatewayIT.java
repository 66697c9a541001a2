package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway in the real {@code ./cairn up}, driven with the real {@code curl}: the starter routes
 * to kv and the monitor over cleartext and TLS (internal CA), its metrics scraped by the monitor, and
 * a user's {@code gateway.config-file} used instead of the starter file.
 */
class CairnUpGatewayIT {
  private static final Duration START = Duration.ofSeconds(90);
  private static final String RANGE_FOO = "{\"key\":\"Zm9v\"}";

  @TempDir Path tmp;

  @Test
  void starterRoutesReachKvAndTheMonitorOverHttpAndHttps() throws Exception {
    UpPorts ports = UpPorts.pick();
    Path data = tmp.resolve("data");
    try (CairnProcess cairn = CairnUpIT.up(ports, data)) {
      awaitReady(cairn);
      String web = "http://127.0.0.1:" + ports.web();
      String websecure = "https://127.0.0.1:" + ports.websecure();
      assertThat(cairn.out).anySatisfy(l -> assertThat(l).contains("gateway").contains(websecure));
      assertThat(Files.readString(data.resolve("gateway/dynamic.yml")))
          .contains("PathPrefix(`/v3/`)", "http://127.0.0.1:" + ports.client(), "http://127.0.0.1:" + ports.monitor());

      assertThat(curl("-X", "POST", web + "/v3/kv/put", "-d", "{\"key\":\"Zm9v\",\"value\":\"YmFy\"}"))
          .contains("\"revision\":\"2\"").endsWith("\n200");
      assertThat(curl("-X", "POST", web + "/v3/kv/range", "-d", RANGE_FOO))
          .contains("\"kvs\":[{\"key\":\"Zm9v\",", "\"value\":\"YmFy\"", "\"count\":\"1\"").endsWith("\n200");
      assertThat(curl(web + "/api/v1/query?query=up"))
          .startsWith("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"").endsWith("\n200");

      assertThat(curl("-k", "-X", "POST", websecure + "/v3/kv/range", "-d", RANGE_FOO))
          .contains("\"value\":\"YmFy\"").endsWith("\n200");
      assertThat(curl("-k", websecure + "/api/v1/query?query=up")).startsWith("{\"status\":\"success\"").endsWith("\n200");
      // the internal CA's root is under <data-dir>/gateway/pki and verifies the leaf without -k
      Path root = data.resolve("gateway/pki/root.crt");
      assertThat(root).exists();
      assertThat(curl("--cacert", root.toString(), websecure + "/-/healthy")).endsWith("\n200");
      // the websecure routers are TLS only, as Traefik's routers with tls
      assertThat(curl("http://127.0.0.1:" + ports.websecure() + "/-/healthy")).endsWith("\n404");

      String metrics = curl("http://127.0.0.1:" + ports.gatewayMetrics() + "/metrics");
      assertThat(metrics)
          .contains("traefik_entrypoint_requests_total{code=\"200\",entrypoint=\"web\",method=\"POST\",protocol=\"http\"} 2")
          .contains("traefik_entrypoint_requests_tls_total{entrypoint=\"websecure\"")
          .endsWith("\n200");
      // the monitor's built-in configuration scrapes the gateway (15 s interval), asked through the gateway
      await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(curl(web + "/api/v1/query?query=up%7Bjob%3D%22gateway%22%7D"))
              .contains("\"instance\":\"127.0.0.1:" + ports.gatewayMetrics() + "\"")
              .contains("\"job\":\"gateway\"},\"value\":[")
              .contains("\"1\"]"));
    }
  }

  @Test
  void givenConfigFileIsServedInsteadOfTheStarterRoutes() throws Exception {
    UpPorts ports = UpPorts.pick();
    Path data = tmp.resolve("data");
    Path routes = Files.writeString(tmp.resolve("routes.yml"), """
        http:
          routers:
            health:
              rule: Path(`/healthy`)
              service: monitor
              middlewares: [to-monitor]
          middlewares:
            to-monitor:
              replacePath: {path: /-/healthy}
          services:
            monitor:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:%d"}]
        """.formatted(ports.monitor()));
    try (CairnProcess cairn = CairnUpIT.up(ports, data, "--providers.file.filename", routes.toString())) {
      awaitReady(cairn);
      String web = "http://127.0.0.1:" + ports.web();
      assertThat(curl(web + "/healthy")).isEqualTo("Prometheus Server is Healthy.\n\n200");
      assertThat(curl("-X", "POST", web + "/v3/kv/range", "-d", RANGE_FOO)).isEqualTo("404 page not found\n\n404");
      assertThat(data.resolve("gateway/dynamic.yml")).doesNotExist();
    }
  }

  private static void awaitReady(CairnProcess cairn) throws Exception {
    String admin = cairn.awaitAdminUrl(START);
    await().atMost(START).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(curl(admin + "/readyz")).isEqualTo("ok\n\n200"));
  }

  /** Runs curl with a bounded time; returns its stdout (the body, then the status on the last line). */
  private static String curl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("curl", "-s", "--max-time", "10", "-w", "\n%{http_code}"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("curl finished").isTrue();
    return out;
  }
}
