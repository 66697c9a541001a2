package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buffering}: request bodies up to {@code maxRequestBodyBytes} go on whole, longer ones get
 * 413; responses longer than {@code maxResponseBodyBytes} become oxy's 500.
 */
class BufferingTest {
  @TempDir
  Path dir;

  @Test
  void bodiesOverTheLimitAreRefusedWith413() throws Exception {
    try (TestBackend app = new TestBackend("app"); GatewayHarness g = new GatewayHarness(dir, """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: app
              middlewares: [buffer]
          middlewares:
            buffer:
              buffering:
                maxRequestBodyBytes: 10
          services:
            app:
              loadBalancer:
                servers: [{url: "%s"}]
        """.formatted(app.url()))) {
      HttpResponse<String> small = g.send(HttpRequest.newBuilder(URI.create(g.url("/s")))
          .POST(HttpRequest.BodyPublishers.ofString("0123456789")));
      assertThat(small.statusCode()).isEqualTo(200);
      assertThat(new String(app.seen.getLast().body())).isEqualTo("0123456789");

      HttpResponse<String> declared = g.send(HttpRequest.newBuilder(URI.create(g.url("/l")))
          .POST(HttpRequest.BodyPublishers.ofString("x".repeat(11))));
      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(declared.body()).isEqualTo("Request Entity Too Large");

      HttpResponse<String> chunked = g.send(HttpRequest.newBuilder(URI.create(g.url("/c")))
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[50_000]))));
      assertThat(chunked.statusCode()).isEqualTo(413);
      assertThat(app.hits()).isEqualTo(1);
      assertThat(g.get("/get").statusCode()).isEqualTo(200);
      assertThat(app.hits()).isEqualTo(2);
    }
  }

  @Test
  void responsesOverMaxResponseBodyBytesBecome500() throws Exception {
    var backend = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      int size = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      byte[] body = "y".repeat(size).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("X-Backend", "yes");
      ex.sendResponseHeaders(200, path.startsWith("/chunked/") ? 0 : body.length);
      try (var out = ex.getResponseBody()) {
        for (int at = 0; at < body.length; at += 1000) {
          out.write(body, at, Math.min(1000, body.length - at));
          out.flush();
        }
      }
    });
    backend.start();
    try (GatewayHarness g = new GatewayHarness(dir, """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: app
              middlewares: [buffer]
          middlewares:
            buffer:
              buffering:
                maxResponseBodyBytes: 2000
          services:
            app:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:%d"}]
        """.formatted(backend.getAddress().getPort()))) {
      for (String kind : new String[] {"length", "chunked"}) {
        HttpResponse<String> fits = g.get("/" + kind + "/2000");
        assertThat(fits.statusCode()).as(kind).isEqualTo(200);
        assertThat(fits.body()).hasSize(2000);
        assertThat(fits.headers().firstValue("x-backend")).hasValue("yes");

        HttpResponse<String> over = g.get("/" + kind + "/2001");
        assertThat(over.statusCode()).as(kind).isEqualTo(500);
        assertThat(over.body()).isEqualTo("Internal Server Error");
        assertThat(over.headers().firstValue("x-backend")).isEmpty();

        HttpResponse<String> large = g.get("/" + kind + "/300000");
        assertThat(large.statusCode()).as(kind).isEqualTo(500);
      }
      Process h2 = new ProcessBuilder("curl", "-sS", "--max-time", "20", "--http2-prior-knowledge", "-o", "/dev/null",
          "-w", "%{http_code} %{http_version}", g.url("/chunked/50000")).redirectErrorStream(true).start();
      String curl = new String(h2.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(h2.waitFor()).as(curl).isZero();
      assertThat(curl).as("over HTTP/2 too (the real curl)").isEqualTo("500 2");
      assertThat(g.get("/length/10").body()).as("the gateway still serves").isEqualTo("y".repeat(10));
    } finally {
      backend.stop(0);
    }
  }
}
