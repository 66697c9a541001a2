package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mirroring}: copies reach the mirrors, bodies included up to {@code maxBodySize}. */
class MirroringTest {
  @TempDir
  Path dir;

  private static String config(TestBackend main, TestBackend mirror, String mirrorUrl) {
    return """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: mirrored
          services:
            mirrored:
              mirroring:
                service: main
                maxBodySize: 16
                mirrors:
                  - name: copy
                    percent: 100
            main:
              loadBalancer:
                servers: [{url: "%s"}]
            copy:
              loadBalancer:
                servers: [{url: "%s"}]
        """.formatted(main.url(), mirrorUrl);
  }

  private static void awaitSeen(TestBackend b, int n) throws InterruptedException {
    for (int i = 0; i < 200 && b.seen.size() < n; i++) {
      Thread.sleep(25);
    }
  }

  @Test
  void eachRequestIsCopiedToTheMirrorWithItsBodyUnlessTheBodyIsTooLarge() throws Exception {
    try (TestBackend main = new TestBackend("main"); TestBackend mirror = new TestBackend("mirror");
        GatewayHarness g = new GatewayHarness(dir, config(main, mirror, mirror.url()))) {
      HttpResponse<String> r = g.send(HttpRequest.newBuilder(URI.create(g.url("/post?x=1")))
          .POST(HttpRequest.BodyPublishers.ofString("small body")));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("main");
      awaitSeen(mirror, 1);
      assertThat(mirror.seen).hasSize(1);
      TestBackend.Seen copy = mirror.seen.getFirst();
      assertThat(copy.method()).isEqualTo("POST");
      assertThat(copy.uri()).isEqualTo("/post?x=1");
      assertThat(new String(copy.body())).isEqualTo("small body");
      assertThat(copy.header("X-Forwarded-For")).isEqualTo("127.0.0.1");

      assertThat(g.get("/get").body()).isEqualTo("main");
      awaitSeen(mirror, 2);
      assertThat(mirror.seen).hasSize(2);
      assertThat(mirror.seen.get(1).method()).isEqualTo("GET");
      assertThat(mirror.seen.get(1).uri()).isEqualTo("/get");

      HttpResponse<String> big = g.send(HttpRequest.newBuilder(URI.create(g.url("/big")))
          .POST(HttpRequest.BodyPublishers.ofString("a body longer than sixteen bytes")));
      assertThat(big.body()).isEqualTo("main");
      assertThat(main.seen.getLast().uri()).isEqualTo("/big");
      assertThat(new String(main.seen.getLast().body())).isEqualTo("a body longer than sixteen bytes");
      assertThat(g.get("/after").body()).isEqualTo("main");
      awaitSeen(mirror, 3);
      assertThat(mirror.seen).extracting(TestBackend.Seen::uri).containsExactly("/post?x=1", "/get", "/after");
      assertThat(MirrorCopies.held()).isZero();
    }
  }

  @Test
  void aDeadMirrorNeitherDelaysNorFailsTheMainRequest() throws Exception {
    try (TestBackend main = new TestBackend("main");
        GatewayHarness g = new GatewayHarness(dir, config(main, main, "http://127.0.0.1:1"))) {
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = g.send(HttpRequest.newBuilder(URI.create(g.url("/x")))
            .POST(HttpRequest.BodyPublishers.ofString("body")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("main");
      }
      assertThat(main.hits()).isEqualTo(5);
    }
  }
}
