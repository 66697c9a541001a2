package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code buffering.maxRequestBodyBytes}: bodies up to the limit go on whole, longer ones get 413. */
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
}
