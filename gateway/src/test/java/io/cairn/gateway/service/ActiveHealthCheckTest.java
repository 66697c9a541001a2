package io.cairn.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ActiveHealthCheckTest {
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
  }

  @Test
  void aFailingServerLeavesTheBalancerAndComesBackWhenItRecovers() throws Exception {
    AtomicInteger status = new AtomicInteger(200);
    AtomicReference<String> seenHost = new AtomicReference<>();
    HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    backend.createContext("/", ex -> {
      seenHost.set(ex.getRequestHeaders().getFirst("Host") + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("X-Check"));
      ex.sendResponseHeaders(status.get(), -1);
      ex.close();
    });
    backend.start();
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    String live = "http://127.0.0.1:" + backend.getAddress().getPort() + "/base";
    String dead = "http://127.0.0.1:" + deadPort;
    LoadBalancerService svc = ServicesTest.lb("svc", null, live, dead);
    HealthCheckSpec spec = new HealthCheckSpec("", "/health", "GET", 0, 0, Duration.ofMillis(100),
        Duration.ofMillis(500), "check.example", true, Map.of("X-Check", "yes"));
    List<String> changes = new CopyOnWriteArrayList<>();
    try (ActiveHealthCheck check = new ActiveHealthCheck(svc, spec, (server, up) -> changes.add(server + "=" + up))) {
      check.start();
      await(() -> !svc.balancer().isUp(dead));
      assertThat(svc.balancer().isUp(live)).isTrue();
      await(() -> seenHost.get() != null);
      assertThat(seenHost.get()).isEqualTo("check.example /base/health yes");
      status.set(503);
      await(() -> !svc.balancer().isUp(live));
      assertThat(svc.route(List.of())).isEmpty();
      status.set(204);
      await(() -> svc.balancer().isUp(live));
      assertThat(svc.route(List.of()).orElseThrow().target().url()).hasToString(live);
      assertThat(changes).contains(dead + "=false", live + "=false", live + "=true");
    } finally {
      backend.stop(0);
    }
  }

  @Test
  void expectedStatusAndUrlRewriting() {
    HealthCheckSpec spec = new HealthCheckSpec("https", "/h?x=1", null, 418, 9443, null, null, null, false, null);
    assertThat(spec.healthy(418)).isTrue();
    assertThat(spec.healthy(200)).isFalse();
    assertThat(HealthCheckSpec.of("/").healthy(302)).isTrue();
    assertThat(HealthCheckSpec.of("/").healthy(404)).isFalse();
    assertThat(ActiveHealthCheck.checkUrl(URI.create("http://10.0.0.1:8080/app/"), spec))
        .hasToString("https://10.0.0.1:9443/app/h?x=1");
  }
}
