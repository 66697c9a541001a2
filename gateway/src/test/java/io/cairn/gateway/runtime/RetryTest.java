package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retry}: a server that refuses connections is skipped by the next attempt, which the load
 * balancer sends to another server, bodies included (nothing had been sent); without retry the
 * refused attempts answer 502.
 */
class RetryTest {
  @TempDir
  Path dir;

  private static String config(TestBackend live, int attempts) {
    return """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: app
              middlewares: [retry]
          middlewares:
            retry:
              retry:
                attempts: %d
                initialInterval: 10ms
          services:
            app:
              loadBalancer:
                servers:
                  - url: "http://127.0.0.1:1"
                  - url: "%s"
        """.formatted(attempts, live.url());
  }

  private static HttpRequest.Builder post(GatewayHarness g, int i) {
    return HttpRequest.newBuilder(URI.create(g.url("/p" + i))).POST(HttpRequest.BodyPublishers.ofString("body " + i));
  }

  @Test
  void aRefusedConnectionIsRetriedOnAnotherServerWithTheBody() throws Exception {
    try (TestBackend live = new TestBackend("live"); GatewayHarness g = new GatewayHarness(dir, config(live, 2))) {
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> r = g.send(post(g, i));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("live");
        TestBackend.Seen seen = live.seen.getLast();
        assertThat(seen.uri()).isEqualTo("/p" + i);
        assertThat(new String(seen.body())).isEqualTo("body " + i);
      }
    }
  }

  @Test
  void withOneAttemptTheRefusedServerAnswers502() throws Exception {
    try (TestBackend live = new TestBackend("live"); GatewayHarness g = new GatewayHarness(dir, config(live, 1))) {
      int bad = 0;
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> r = g.send(post(g, i));
        if (r.statusCode() == 502) {
          bad++;
          assertThat(r.body()).isEqualTo("Bad Gateway");
        } else {
          assertThat(r.body()).isEqualTo("live");
        }
      }
      assertThat(bad).as("the dead server is chosen until passive health ejects it").isPositive();
    }
  }
}
