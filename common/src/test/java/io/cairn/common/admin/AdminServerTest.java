package io.cairn.common.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.HostPort;
import io.cairn.common.metrics.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {
  private final List<String> notReady = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private AdminServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        new AdminServer(
            new HostPort("127.0.0.1", 0), Metrics.create().registry(), () -> List.copyOf(notReady));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
    http.close();
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void metricsDefaultsToPrometheusText() throws Exception {
    HttpResponse<byte[]> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(text(r))
        .contains("# TYPE cairn_build_info gauge")
        .containsPattern("cairn_build_info\\{javaversion=\"[^\"]+\",revision=\"[^\"]+\",version=\"[^\"]+\"} 1")
        .contains("jvm_memory_used_bytes")
        .contains("process_cpu_seconds_total");
  }

  @Test
  void metricsNegotiatesOpenMetrics() throws Exception {
    HttpResponse<byte[]> r =
        get("/metrics", "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text; version=1.0.0");
    assertThat(text(r)).contains("# TYPE cairn_build info").endsWith("# EOF\n");
  }

  @Test
  void metricsIsGzippedWhenAccepted() throws Exception {
    HttpResponse<byte[]> r = get("/metrics", "Accept-Encoding", "gzip");
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String body =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(body).contains("cairn_build_info");
  }

  @Test
  void healthAndReadiness() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(text(get("/readyz"))).isEqualTo("ok\n");
    notReady.add("kv");
    HttpResponse<byte[]> r = get("/readyz");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(text(r)).isEqualTo("not ready: kv\n");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathAndMethodAreRejected() throws Exception {
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    // still serving after bad requests
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void headHasNoBody() throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void endpointNamesTheBoundPort() {
    assertThat(server.endpoints()).singleElement()
        .satisfies(e -> assertThat(e.url()).isEqualTo("http://127.0.0.1:" + server.port()));
  }

  @Test
  void acceptsGzipParsesQualities() {
    assertThat(MetricsHandler.acceptsGzip("gzip, deflate")).isTrue();
    assertThat(MetricsHandler.acceptsGzip("deflate, gzip;q=0.5")).isTrue();
    assertThat(MetricsHandler.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(MetricsHandler.acceptsGzip("identity")).isFalse();
    assertThat(MetricsHandler.acceptsGzip(null)).isFalse();
  }
}
