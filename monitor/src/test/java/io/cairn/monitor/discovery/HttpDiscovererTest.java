package io.cairn.monitor.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpDiscovererTest {
  @Test
  void fetchesPeriodicallyAndKeepsLastGroupsOnFailure() throws Exception {
    AtomicReference<String> body = new AtomicReference<>("[{\"targets\":[\"a:1\"],\"labels\":{\"k\":\"v\"}}]");
    AtomicReference<String> type = new AtomicReference<>("application/json; charset=utf-8");
    AtomicReference<String> refreshHeader = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/sd", ex -> {
      refreshHeader.set(ex.getRequestHeaders().getFirst("X-Prometheus-Refresh-Interval-Seconds"));
      byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type.get());
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sd");
    AtomicReference<List<TargetGroup>> seen = new AtomicReference<>();
    try (HttpDiscoverer d = new HttpDiscoverer(url, Duration.ofMillis(100), Duration.ofSeconds(5))) {
      d.start(seen::set);
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() != null);
      TargetGroup g = seen.get().getFirst();
      assertThat(g.source()).isEqualTo(url + ":0");
      assertThat(g.labels()).containsEntry("__meta_url", url.toString()).containsEntry("k", "v");
      assertThat(refreshHeader.get()).isEqualTo("0.1");

      type.set("text/plain");
      long failuresBefore = d.failures();
      await().atMost(Duration.ofSeconds(10)).until(() -> d.failures() > failuresBefore);
      assertThat(seen.get()).containsExactly(g);

      type.set("application/json");
      body.set("[{\"targets\":[\"b:2\"]}]");
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.get().getFirst().targets().getFirst().get("__address__").equals("b:2"));
    } finally {
      server.stop(0);
    }
  }
}
