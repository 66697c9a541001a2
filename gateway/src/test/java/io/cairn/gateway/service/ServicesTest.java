package io.cairn.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServicesTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  static LoadBalancerService lb(String name, PassiveHealth passive, String... urls) {
    List<Child<ServerTarget>> servers = new ArrayList<>();
    for (String u : urls) {
      servers.add(new Child<>(u, 1, new ServerTarget(name, URI.create(u), true)));
    }
    return new LoadBalancerService(name, new WrrBalancer<>(servers, null), passive);
  }

  private static String target(ServiceNode s) {
    Route r = s.route(List.of()).orElseThrow();
    r.finished(false);
    return r.target().url().toString();
  }

  @Test
  void weightedSplitsByWeightAndSkipsAChildServiceThatIsDown() {
    LoadBalancerService v1 = lb("v1", null, "http://v1");
    LoadBalancerService v2 = lb("v2", null, "http://v2");
    WeightedService w = new WeightedService("app", List.of(new Child<>("v1", 3, v1), new Child<>("v2", 1, v2)), null);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      seen.add(target(w));
    }
    assertThat(seen.stream().filter("http://v1"::equals).count()).isEqualTo(6);
    v1.balancer().setStatus("http://v1", Balancer.Source.ACTIVE_CHECK, false);
    assertThat(target(w)).isEqualTo("http://v2");
    v2.balancer().setStatus("http://v2", Balancer.Source.ACTIVE_CHECK, false);
    assertThat(w.up()).isFalse();
    assertThat(w.route(List.of())).isEmpty();
  }

  @Test
  void weightedStickyCookiesOfBothLevelsReachTheResponse() {
    List<Child<ServerTarget>> servers = List.of(
        new Child<>("http://a", 1, new ServerTarget("inner", URI.create("http://a"), true)));
    LoadBalancerService inner = new LoadBalancerService("inner",
        new WrrBalancer<>(servers, new StickyCookie("srv", false, false, "", 0, null, null)), null);
    WeightedService w = new WeightedService("outer", List.of(new Child<>("inner", 1, inner)),
        new StickyCookie("svc", false, false, "", 0, null, null));
    Route r = w.route(List.of()).orElseThrow();
    assertThat(r.setCookies()).hasSize(2);
    assertThat(r.setCookies().get(0)).startsWith("svc=");
    assertThat(r.setCookies().get(1)).startsWith("srv=");
    r.finished(false);
    assertThat(inner.balancer().children().getFirst().inFlight()).isZero();
  }

  @Test
  void failoverUsesTheFallbackWhileTheMainServiceIsDown() {
    LoadBalancerService main = lb("main", null, "http://main");
    LoadBalancerService fallback = lb("fb", null, "http://fb");
    FailoverService f = new FailoverService("f", main, fallback);
    List<Boolean> events = new ArrayList<>();
    f.onStatusChange(events::add);
    assertThat(target(f)).isEqualTo("http://main");
    main.balancer().setStatus("http://main", Balancer.Source.ACTIVE_CHECK, false);
    assertThat(target(f)).isEqualTo("http://fb");
    fallback.balancer().setStatus("http://fb", Balancer.Source.ACTIVE_CHECK, false);
    assertThat(f.route(List.of())).isEmpty();
    main.balancer().setStatus("http://main", Balancer.Source.ACTIVE_CHECK, true);
    assertThat(target(f)).isEqualTo("http://main");
    assertThat(events).containsExactly(false, true);
  }

  @Test
  void mirrorsGetExactlyTheirShare() {
    LoadBalancerService main = lb("main", null, "http://main");
    LoadBalancerService m1 = lb("m1", null, "http://m1");
    LoadBalancerService m2 = lb("m2", null, "http://m2");
    MirroringService m = new MirroringService("mirror", main,
        List.of(new MirroringService.Mirror(m1, 10), new MirroringService.Mirror(m2, 50)), true, -1);
    int toM1 = 0;
    int toM2 = 0;
    for (int i = 0; i < 100; i++) {
      Route r = m.route(List.of()).orElseThrow();
      assertThat(r.target().url()).hasToString("http://main");
      for (Route copy : r.mirrors()) {
        if (copy.target().service().equals("m1")) {
          toM1++;
        } else {
          toM2++;
        }
        copy.finished(false);
      }
      r.finished(false);
    }
    assertThat(toM1).isEqualTo(10);
    assertThat(toM2).isEqualTo(50);
  }

  @Test
  void passiveHealthEjectsAfterMaxFailuresWithinTheWindowAndPutsTheServerBack() throws Exception {
    AtomicLong now = new AtomicLong();
    PassiveHealth passive = new PassiveHealth(2, Duration.ofMillis(200), scheduler, now::get);
    LoadBalancerService s = lb("svc", passive, "http://a", "http://b");
    Route r1 = s.route(List.of()).orElseThrow();
    assertThat(r1.target().url()).hasToString("http://a");
    r1.finished(true);
    now.addAndGet(Duration.ofMillis(300).toNanos()); // outside the window: the first failure expires
    Route r2 = s.route(List.of()).orElseThrow(); // b
    r2.finished(false);
    Route r3 = s.route(List.of()).orElseThrow(); // a again
    r3.finished(true);
    assertThat(s.balancer().isUp("http://a")).isTrue();
    Route r4 = s.route(List.of()).orElseThrow(); // b
    r4.finished(false);
    Route r5 = s.route(List.of()).orElseThrow(); // a: second failure within the window
    assertThat(r5.target().url()).hasToString("http://a");
    r5.finished(true);
    assertThat(s.balancer().isUp("http://a")).isFalse();
    for (int i = 0; i < 4; i++) {
      assertThat(target(s)).isEqualTo("http://b");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!s.balancer().isUp("http://a") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(s.balancer().isUp("http://a")).isTrue();
  }
}
