package io.cairn.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway with access log, metrics, API, dashboard and ping, driven with the real {@code curl};
 * {@code /metrics} checked with the real {@code promtool check metrics} (both must be installed:
 * {@code apt-get install curl prometheus}).
 */
class ObserveEndToEndTest {
  @Test
  void accessLogMetricsApiAndDashboard(@TempDir Path dir) throws Exception {
    HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", x -> {
      byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    backend.start();
    String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort();
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            app:
              rule: Host(`app.test`)
              service: svc
              middlewares: [tag]
          middlewares:
            tag:
              headers:
                customResponseHeaders:
                  X-Tag: observed
          services:
            svc:
              loadBalancer:
                servers:
                  - url: %s
        """.formatted(backendUrl));
    Path accessLog = dir.resolve("logs/access.log");
    GatewayServer gateway = new GatewayServer(StaticConfig.fromArgs(List.of(
        "--entryPoints.web.address=127.0.0.1:0", "--entryPoints.traefik.address=127.0.0.1:0",
        "--providers.file.filename=" + dynamic, "--providers.file.watch=false",
        "--accessLog.filePath=" + accessLog, "--accessLog.fields.headers.names.User-Agent=keep",
        "--metrics.prometheus", "--metrics.prometheus.addRoutersLabels", "--api.insecure", "--ping")));
    gateway.start();
    try {
      String web = endpoint(gateway, "web");
      String admin = endpoint(gateway, "traefik");
      for (int i = 0; i < 3; i++) {
        assertThat(curl("-H", "Host: app.test", web + "/hello?n=" + i)).isEqualTo("hello");
      }
      assertThat(curl("--http2-prior-knowledge", "-H", "Host: app.test", web + "/h2")).isEqualTo("hello");
      assertThat(curl(web + "/none")).isEqualTo("404 page not found\n");
      assertThat(raw(web, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")).startsWith("HTTP/1.1 400 ");

      assertThat(curl(admin + "/ping")).isEqualTo("OK");
      assertThat(curl("-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", admin + "/"))
          .isEqualTo("302 " + admin + "/dashboard/");
      assertThat(curl(admin + "/dashboard/")).startsWith("<!doctype html>").contains("cairn gateway", "api/");

      ObjectMapper json = new ObjectMapper();
      JsonNode routers = json.readTree(curl(admin + "/api/http/routers"));
      assertThat(routers).hasSize(1);
      assertThat(routers.get(0).get("name").asText()).isEqualTo("app@file");
      assertThat(routers.get(0).get("status").asText()).isEqualTo("enabled");
      assertThat(routers.get(0).get("rule").asText()).isEqualTo("Host(`app.test`)");
      assertThat(routers.get(0).get("provider").asText()).isEqualTo("file");
      JsonNode service = json.readTree(curl(admin + "/api/http/services/svc@file"));
      assertThat(service.get("serverStatus").get(backendUrl).asText()).isEqualTo("UP");
      assertThat(service.get("type").asText()).isEqualTo("loadbalancer");
      assertThat(service.get("usedBy").get(0).asText()).isEqualTo("app@file");
      JsonNode middleware = json.readTree(curl(admin + "/api/http/middlewares/tag@file"));
      assertThat(middleware.get("type").asText()).isEqualTo("headers");
      assertThat(json.readTree(curl(admin + "/api/overview")).at("/http/routers/total").asInt()).isEqualTo(1);
      assertThat(curl("-w", " %{http_code}", admin + "/api/http/routers/nope@file"))
          .isEqualTo("{\"message\":\"router not found\"}\n 404");

      handshakeOnly(java.net.URI.create(web).getPort()); // the internal CA issues a leaf for 127.0.0.1

      Path metrics = dir.resolve("metrics.txt");
      curl("-o", metrics.toString(), admin + "/metrics");
      String text = Files.readString(metrics);
      assertThat(promtoolCheck(metrics)).isEqualTo(0);
      assertThat(text).contains(
          "traefik_entrypoint_requests_total{code=\"200\",entrypoint=\"web\",method=\"GET\",protocol=\"http\"} 4\n",
          "traefik_entrypoint_requests_total{code=\"404\",entrypoint=\"web\",method=\"GET\",protocol=\"http\"} 1\n",
          "traefik_router_requests_total{code=\"200\",method=\"GET\",protocol=\"http\",router=\"app@file\",service=\"svc@file\"} 4\n",
          "traefik_service_requests_total{code=\"200\",method=\"GET\",protocol=\"http\",service=\"svc@file\"} 4\n",
          "traefik_entrypoint_request_duration_seconds_count{code=\"200\",entrypoint=\"web\",method=\"GET\",protocol=\"http\"} 4\n",
          "traefik_entrypoint_responses_bytes_total{code=\"200\",entrypoint=\"web\",method=\"GET\",protocol=\"http\"} 20\n",
          "traefik_service_server_up{service=\"svc@file\",url=\"" + backendUrl + "\"} 1\n",
          "traefik_config_reloads_total 1\n")
          .containsPattern("traefik_open_connections\\{entrypoint=\"traefik\",protocol=\"TCP\"} [1-9]")
          .containsPattern("traefik_tls_certs_not_after\\{cn=\"[^\"]*\",sans=\"[^\"]*127\\.0\\.0\\.1[^\"]*\",serial=\"[0-9]+\"} ");
    } finally {
      gateway.stop();
      backend.stop(0);
    }
    List<String> lines = Files.readAllLines(accessLog);
    String clf = "^127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000] ";
    assertThat(lines).filteredOn(l -> l.contains("/hello?n=")).hasSize(3).allMatch(l -> l.matches(clf
        + "\"GET /hello\\?n=\\d HTTP/1\\.1\" 200 5 \"-\" \"curl/[^\"]+\" \\d+ \"app@file\" \"" + Pattern.quote(backendUrl)
        + "\" \\d+ms$"));
    assertThat(lines).filteredOn(l -> l.contains("/h2 ")).singleElement().matches(l -> l.matches(clf
        + "\"GET /h2 HTTP/2\\.0\" 200 5 .*"));
    assertThat(lines).filteredOn(l -> l.contains("/none")).singleElement().matches(l -> l.matches(clf
        + "\"GET /none HTTP/1\\.1\" - - \"-\" \"curl/[^\"]+\" \\d+ \"-\" \"-\" \\d+ms$"));
    assertThat(lines).filteredOn(l -> l.contains("\"- - -\"")).singleElement().matches(l -> l.matches(clf
        + "\"- - -\" - - \"-\" \"-\" \\d+ \"-\" \"-\" 0ms$"));
    assertThat(lines).anyMatch(l -> l.contains("\"GET /api/http/routers HTTP/1.1\" - - ") && l.contains("\"api@internal\""));
    List<Long> counts = new ArrayList<>();
    Matcher m = Pattern.compile("\" (\\d+) \"").matcher(String.join("\n", lines));
    while (m.find()) {
      counts.add(Long.parseLong(m.group(1)));
    }
    assertThat(counts).doesNotHaveDuplicates();
  }

  @Test
  void jsonAccessLogLines(@TempDir Path dir) throws Exception {
    HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", x -> {
      x.getRequestBody().readAllBytes();
      x.sendResponseHeaders(201, 2);
      x.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
      x.close();
    });
    backend.start();
    String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort();
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            app:
              rule: PathPrefix(`/`)
              service: svc
          services:
            svc:
              loadBalancer:
                servers:
                  - url: %s
        """.formatted(backendUrl));
    Path accessLog = dir.resolve("access.json");
    GatewayServer gateway = new GatewayServer(StaticConfig.fromArgs(List.of(
        "--entryPoints.web.address=127.0.0.1:0", "--providers.file.filename=" + dynamic,
        "--providers.file.watch=false", "--accessLog.filePath=" + accessLog, "--accessLog.format=json")));
    gateway.start();
    try {
      assertThat(curl("-d", "hello body", endpoint(gateway, "web") + "/post?x=1")).isEqualTo("ok");
    } finally {
      gateway.stop();
      backend.stop(0);
    }
    List<String> lines = Files.readAllLines(accessLog);
    assertThat(lines).hasSize(1);
    JsonNode j = new ObjectMapper().readTree(lines.get(0));
    assertThat(j.get("RequestMethod").asText()).isEqualTo("POST");
    assertThat(j.get("RequestPath").asText()).isEqualTo("/post?x=1");
    assertThat(j.get("RequestProtocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(j.get("RequestContentSize").asLong()).isEqualTo(10);
    assertThat(j.get("DownstreamStatus").asInt()).isEqualTo(201);
    assertThat(j.get("OriginStatus").asInt()).isEqualTo(201);
    assertThat(j.get("DownstreamContentSize").asLong()).isEqualTo(2);
    assertThat(j.get("RouterName").asText()).isEqualTo("app@file");
    assertThat(j.get("ServiceName").asText()).isEqualTo("svc@file");
    assertThat(j.get("ServiceURL").asText()).isEqualTo(backendUrl);
    assertThat(j.get("entryPointName").asText()).isEqualTo("web");
    assertThat(j.get("ClientHost").asText()).isEqualTo("127.0.0.1");
    assertThat(j.get("Duration").asLong()).isPositive();
    assertThat(j.get("level").asText()).isEqualTo("info");
    assertThat(j.has("request_User-Agent")).as("headers are dropped by default").isFalse();
  }

  /** Sends {@code request} as is and returns what comes back until the server closes. */
  private static String raw(String url, String request) throws IOException {
    java.net.URI u = java.net.URI.create(url);
    try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String endpoint(GatewayServer gateway, String name) {
    return gateway.endpoints().stream().filter(e -> e.serves().equals("entry point " + name))
        .map(Endpoint::url).findFirst().orElseThrow();
  }

  private static String curl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("curl " + cmd + ": " + new String(out, StandardCharsets.UTF_8)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** A TLS handshake with the entry point (trusting anything), no request. */
  private static void handshakeOnly(int port) throws Exception {
    var ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    }}, null);
    try (var socket = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
    }
  }

  /** {@code promtool check metrics < file}: its exit code; promtool's output goes to the assertion message. */
  private static int promtoolCheck(Path file) throws IOException, InterruptedException {
    assertThat(Path.of("/usr/bin/promtool")).as("promtool must be installed (apt-get install prometheus)").isExecutable();
    Process p = new ProcessBuilder("/usr/bin/promtool", "check", "metrics").redirectInput(file.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("promtool check metrics").isEmpty();
    return p.exitValue();
  }
}
