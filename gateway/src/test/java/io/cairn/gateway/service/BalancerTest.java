package io.cairn.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancerTest {
  private static List<Child<String>> children(Object... nameWeight) {
    List<Child<String>> out = new ArrayList<>();
    for (int i = 0; i < nameWeight.length; i += 2) {
      out.add(new Child<>((String) nameWeight[i], ((Number) nameWeight[i + 1]).doubleValue(), (String) nameWeight[i]));
    }
    return out;
  }

  private static List<String> picks(Balancer<String> b, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Choice<String> c = b.choose(List.of()).orElseThrow();
      out.add(c.child().name());
      b.finished(c);
    }
    return out;
  }

  @Test
  void equalWeightsRotateInConfigurationOrder() {
    WrrBalancer<String> b = new WrrBalancer<>(children("a", 1, "b", 1, "c", 1), null);
    assertThat(picks(b, 6)).containsExactly("a", "b", "c", "a", "b", "c");
  }

  @Test
  void weightsAreHonouredAndInterleaved() {
    WrrBalancer<String> b = new WrrBalancer<>(children("a", 3, "b", 1), null);
    List<String> p = picks(b, 400);
    assertThat(p.stream().filter("a"::equals).count()).isEqualTo(300);
    // EDF interleaves (floating-point deadlines, as Traefik: a run of a may be one longer now and then)
    String joined = String.join("", p);
    assertThat(joined).doesNotContain("aaaaa").startsWith("aaab");
  }

  @Test
  void downChildrenAreSkippedAndListenersHearTheWholeBalancerGoDownAndUp() {
    WrrBalancer<String> b = new WrrBalancer<>(children("a", 1, "b", 1), null);
    List<Boolean> events = new ArrayList<>();
    b.onStatusChange(events::add);
    b.setStatus("a", Balancer.Source.ACTIVE_CHECK, false);
    assertThat(picks(b, 3)).containsOnly("b");
    b.setStatus("b", Balancer.Source.PASSIVE, false);
    assertThat(b.choose(List.of())).isEmpty();
    assertThat(b.anyUp()).isFalse();
    b.setStatus("b", Balancer.Source.PASSIVE, true);
    assertThat(picks(b, 2)).containsOnly("b");
    assertThat(events).containsExactly(false, true);
  }

  @Test
  void aChildIsUpOnlyWhenNoSourceHoldsItDown() {
    WrrBalancer<String> b = new WrrBalancer<>(children("a", 1), null);
    b.setStatus("a", Balancer.Source.ACTIVE_CHECK, false);
    b.setStatus("a", Balancer.Source.PASSIVE, false);
    b.setStatus("a", Balancer.Source.PASSIVE, true);
    assertThat(b.isUp("a")).isFalse();
    b.setStatus("a", Balancer.Source.ACTIVE_CHECK, true);
    assertThat(b.isUp("a")).isTrue();
    b.setStatus("unknown", Balancer.Source.ACTIVE_CHECK, false);
    assertThat(b.anyUp()).isTrue();
  }

  @Test
  void p2cPrefersTheChildWithFewerRequestsInFlight() {
    P2cBalancer<String> b = new P2cBalancer<>(children("a", 1, "b", 1), null);
    Choice<String> held = null;
    for (int i = 0; i < 200; i++) { // a fair draw: 5 tries missed "a" about one run in 32
      Choice<String> c = b.choose(List.of()).orElseThrow();
      if (c.child().name().equals("a")) {
        held = c; // keep one request in flight on a
        break;
      }
      b.finished(c);
    }
    assertThat(held).isNotNull();
    assertThat(picks(b, 50)).containsOnly("b");
    b.finished(held);
    Map<String, Integer> counts = new HashMap<>();
    picks(b, 200).forEach(n -> counts.merge(n, 1, Integer::sum));
    assertThat(counts.keySet()).containsExactlyInAnyOrder("a", "b"); // no request in flight: a draw decides
  }

  @Test
  void stickyCookieKeepsTheClientOnItsServerWhileItIsUp() {
    StickyCookie cookie = new StickyCookie("lb", false, true, "lax", 0, null, null);
    WrrBalancer<String> b = new WrrBalancer<>(children("http://s1", 1, "http://s2", 1), cookie);
    Choice<String> first = b.choose(List.of()).orElseThrow();
    assertThat(first.setCookie()).isEqualTo("lb=" + StickyCookie.valueFor(first.child().name()) + "; Path=/; HttpOnly; SameSite=Lax");
    String cookieHeader = "other=1; " + first.setCookie().split(";")[0];
    for (int i = 0; i < 5; i++) {
      Choice<String> again = b.choose(List.of(cookieHeader)).orElseThrow();
      assertThat(again.child().name()).isEqualTo(first.child().name());
      assertThat(again.setCookie()).isNull();
    }
    b.setStatus(first.child().name(), Balancer.Source.ACTIVE_CHECK, false);
    Choice<String> moved = b.choose(List.of(cookieHeader)).orElseThrow();
    assertThat(moved.child().name()).isNotEqualTo(first.child().name());
    assertThat(moved.setCookie()).startsWith("lb=" + StickyCookie.valueFor(moved.child().name()));
    // a legacy cookie holding the raw server URL is accepted and rewritten
    Choice<String> legacy = b.choose(List.of("lb=" + moved.child().name())).orElseThrow();
    assertThat(legacy.child().name()).isEqualTo(moved.child().name());
    assertThat(legacy.setCookie()).isNotNull();
    // so are the FNV-64 values older Traefik versions wrote, hashed once or twice
    String fnv = StickyCookie.fnv64(moved.child().name());
    for (String old : List.of(fnv, StickyCookie.fnv64(fnv))) {
      Choice<String> c = b.choose(List.of("lb=" + old)).orElseThrow();
      assertThat(c.child().name()).isEqualTo(moved.child().name());
      assertThat(c.setCookie()).startsWith("lb=" + StickyCookie.valueFor(moved.child().name()));
    }
  }

  @Test
  void badChildrenAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new Child<>("a", 0, "x")).hasMessageContaining("positive");
    assertThatThrownBy(() -> new WrrBalancer<>(children("a", 1, "a", 2), null)).hasMessageContaining("two children");
  }
}
