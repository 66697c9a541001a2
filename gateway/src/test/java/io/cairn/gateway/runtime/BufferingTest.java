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

  /** One router through a {@code buffering} middleware with {@code option} to one server. */
  private static String config(String option, String serverUrl) {
    return """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: app
              middlewares: [buffer]
          middlewares:
            buffer:
              buffering:
                %s
          services:
            app:
              loadBalancer:
                servers: [{url: "%s"}]
        """.formatted(option, serverUrl);
  }

  @Test
  void bodiesOverTheLimitAreRefusedWith413() throws Exception {
    try (TestBackend app = new TestBackend("app"); GatewayHarness g = new GatewayHarness(dir, config("maxRequestBodyBytes: 10", app.url()))) {
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
      if (ex.getRequestMethod().equals("HEAD") || path.equals("/not-modified")) {
        ex.getResponseHeaders().set("Content-Length", "300000"); // the full representation's length
        ex.sendResponseHeaders(path.equals("/not-modified") ? 304 : 200, -1);
        ex.close();
        return;
      }
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
    try (GatewayHarness g = new GatewayHarness(dir,
        config("maxResponseBodyBytes: 2000", "http://127.0.0.1:" + backend.getAddress().getPort()))) {
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
      HttpResponse<String> head = g.send(HttpRequest.newBuilder(URI.create(g.url("/length/300000")))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).as("a HEAD answer has no body to limit").isEqualTo(200);
      assertThat(head.headers().firstValue("content-length")).hasValue("300000");
      assertThat(g.get("/not-modified").statusCode()).as("nor has a 304").isEqualTo(304);
      assertThat(g.get("/length/10").body()).as("the gateway still serves").isEqualTo("y".repeat(10));
    } finally {
      backend.stop(0);
    }
  }

  @Test
  void anUpgradedConnectionIsATunnelThatMaxResponseBodyBytesLeavesAlone() throws Exception {
    try (java.net.ServerSocket backend = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (java.net.Socket s = backend.accept()) {
          var in = s.getInputStream();
          var out = s.getOutputStream();
          StringBuilder head = new StringBuilder();
          while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
          }
          out.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n"
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          out.flush();
          byte[] buf = new byte[8192];
          for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n); // echo, well over the limit in all
            out.flush();
          }
        } catch (java.io.IOException ignored) {
          // the test ended the tunnel
        }
      });
      try (GatewayHarness g = new GatewayHarness(dir,
          config("maxResponseBodyBytes: 100", "http://127.0.0.1:" + backend.getLocalPort()));
          java.net.Socket client = new java.net.Socket("127.0.0.1", URI.create(g.url("/")).getPort())) {
        client.setSoTimeout(10_000);
        var out = client.getOutputStream();
        var in = client.getInputStream();
        out.write("GET /t HTTP/1.1\r\nHost: a\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
          int c = in.read();
          assertThat(c).as("response head so far: " + head).isNotNegative();
          head.append((char) c);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101 ");
        byte[] payload = "z".repeat(5000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(payload);
        out.flush();
        byte[] echoed = in.readNBytes(payload.length);
        assertThat(echoed).isEqualTo(payload);
      }
    }
  }
}
