package io.cairn.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.lifecycle.Endpoint;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traefik's secure mode: dynamic routers whose service is {@code api@internal}, {@code
 * ping@internal}, {@code prometheus@internal} or {@code noop@internal}, behind the router's rule and
 * middlewares (here basicAuth), with no {@code traefik} entry point; driven with the real curl.
 */
class InternalServiceRoutersTest {
  @Test
  void routersReachTheApiDashboardPingAndNoopThroughTheirMiddlewares(@TempDir Path dir) throws Exception {
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            dashboard:
              rule: Host(`traefik.test`) && (PathPrefix(`/api`) || PathPrefix(`/dashboard`))
              service: api@internal
              middlewares: [auth]
            ping:
              rule: Path(`/health`)
              service: ping@internal
            metrics:
              rule: Path(`/stats`)
              service: prometheus@internal
            noop:
              rule: Host(`noop.test`)
              service: noop@internal
            dash:
              rule: Host(`dash.test`)
              service: dashboard@internal
          middlewares:
            auth:
              basicAuth:
                users: ["admin:{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc="]
        """);
    GatewayServer gateway = new GatewayServer(StaticConfig.fromArgs(List.of(
        "--entryPoints.web.address=127.0.0.1:0", "--providers.file.filename=" + dynamic,
        "--providers.file.watch=false", "--api.dashboard=true", "--ping.manualRouting=true",
        "--metrics.prometheus=true", "--metrics.prometheus.manualRouting=true")));
    gateway.start();
    try {
      String web = gateway.endpoints().stream().filter(e -> e.serves().equals("entry point web"))
          .map(Endpoint::url).findFirst().orElseThrow();
      assertThat(gateway.endpoints()).noneMatch(e -> e.serves().equals("entry point traefik"));
      String admin = "admin:admin";

      Got denied = get(web + "/api/version", "traefik.test", null);
      assertThat(denied.statusCode()).isEqualTo(401);

      Got version = get(web + "/api/version", "traefik.test", admin);
      assertThat(version.statusCode()).isEqualTo(200);
      assertThat(version.headers().get("content-type")).isEqualTo("application/json");
      assertThat(version.body()).contains("\"Codename\":\"cairn\"");

      Got routers = get(web + "/api/http/routers", "traefik.test", admin);
      assertThat(routers.statusCode()).isEqualTo(200);
      assertThat(routers.body()).contains("\"name\":\"dashboard@file\"", "\"service\":\"api@internal\"");

      Got page = get(web + "/dashboard/", "traefik.test", admin);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).startsWith("<!doctype html>");
      assertThat(get(web + "/dashboard", "traefik.test", admin).headers().get("location"))
          .isEqualTo("/dashboard/");
      assertThat(get(web + "/api/nothing-here", "traefik.test", admin).statusCode()).isEqualTo(404);
      assertThat(get(web + "/api/version", "other.test", admin).statusCode()).as("the rule holds").isEqualTo(404);

      Got ping = get(web + "/health", "any.test", null);
      assertThat(ping.statusCode()).isEqualTo(200);
      assertThat(ping.body()).isEqualTo("OK");
      assertThat(get(web + "/ping", "any.test", null).statusCode())
          .as("ping.manualRouting: /ping is not served by itself").isEqualTo(404);

      Got metrics = get(web + "/stats", "any.test", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("traefik_config_reloads_total");
      assertThat(get(web + "/metrics", "any.test", null).statusCode())
          .as("metrics.prometheus.manualRouting: /metrics is not served by itself").isEqualTo(404);

      assertThat(get(web + "/dashboard/", "dash.test", null).body()).startsWith("<!doctype html>");
      assertThat(get(web + "/api/version", "dash.test", null).statusCode())
          .as("dashboard@internal serves the dashboard only").isEqualTo(404);

      Got noop = get(web + "/", "noop.test", null);
      assertThat(noop.statusCode()).isEqualTo(418);
      assertThat(noop.body()).isEmpty();
    } finally {
      gateway.stop();
    }
  }

  /** What the real curl got: status, headers (lower-case names) and body. */
  private record Got(int statusCode, java.util.Map<String, String> headers, String body) {}

  private static Got get(String url, String host, String user) throws Exception {
    Path head = Files.createTempFile("head", ".txt");
    Path body = Files.createTempFile("body", ".txt");
    try {
      List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "-H", "Host: " + host,
          "-D", head.toString(), "-o", body.toString(), "-w", "%{http_code}"));
      if (user != null) {
        cmd.addAll(List.of("-u", user));
      }
      cmd.add(url);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      java.util.Map<String, String> headers = new java.util.HashMap<>();
      for (String line : Files.readAllLines(head)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
        }
      }
      return new Got(Integer.parseInt(out.strip()), headers, Files.readString(body));
    } finally {
      Files.deleteIfExists(head);
      Files.deleteIfExists(body);
    }
  }
}
