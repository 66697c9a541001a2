package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChainAndFactoryTest {

  record Tag(String name, List<String> log, boolean answer) implements Middleware {
    public Outcome onRequest(Exchange ex) {
      log.add("req " + name);
      return answer ? Outcome.Respond.text(418, name) : Outcome.CONTINUE;
    }

    public void onResponse(Exchange ex, ResponseHead r) {
      log.add("res " + name);
    }
  }

  @Test
  void requestsInOrderResponsesInReverseAndAnswerStopsTheRest() {
    List<String> log = new ArrayList<>();
    Chain c = new Chain(List.of(new Tag("a", log, false), new Chain(List.of(new Tag("b", log, false))), new Tag("c", log, true),
        new Tag("d", log, false)));
    Exchange ex = Fx.get("http://x/");
    Outcome o = c.onRequest(ex);
    assertThat(o).isInstanceOf(Outcome.Respond.class);
    c.onResponse(ex, new ResponseHead(418, new HeaderMap()));
    assertThat(log).containsExactly("req a", "req b", "req c", "res b", "res a");
  }

  @Test
  void factoryResolvesChainsAndExposesRetryAndDeferred() {
    MiddlewareFactory f = MiddlewareFactory.standard();
    Map<String, Middleware> built = new java.util.HashMap<>();
    built.put("strip", f.build("strip", new io.cairn.gateway.config.Middleware.StripPrefix(List.of("/api")), Fx.NO_REFS));
    built.put("retry", f.build("retry", new io.cairn.gateway.config.Middleware.Retry(4, Duration.ofMillis(100)), Fx.NO_REFS));
    built.put("gzip", f.build("gzip", new io.cairn.gateway.config.Middleware.Compress(List.of(), List.of(), 1024,
        List.of("gzip"), ""), Fx.NO_REFS));
    Chain c = (Chain) f.build("all", new io.cairn.gateway.config.Middleware.Chain(List.of("strip", "retry", "gzip")), built::get);
    assertThat(c.retryPolicy()).contains(new RetryPolicy(4, Duration.ofMillis(100)));
    assertThat(c.deferred()).extracting(Deferred::name).containsExactly("gzip");
    Exchange ex = Fx.get("http://x/api/users");
    assertThat(c.onRequest(ex)).isEqualTo(Outcome.CONTINUE);
    assertThat(ex.path()).isEqualTo("/users");
    assertThatThrownBy(() -> f.build("broken", new io.cairn.gateway.config.Middleware.Chain(List.of("nope")), built::get))
        .isInstanceOf(MiddlewareException.class).hasMessage("middleware \"broken\": chain refers to unknown middleware \"nope\"")
        .extracting(e -> ((MiddlewareException) e).middleware()).isEqualTo("broken");
  }

  @Test
  void chainAddsDelays() {
    Middleware wait = ex -> new Outcome.Proceed(Duration.ofMillis(20));
    assertThat(new Chain(List.of(wait, wait)).onRequest(Fx.get("http://x/"))).isEqualTo(new Outcome.Proceed(Duration.ofMillis(40)));
  }

  @Test
  void retryBackoffAsTraefik() {
    RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100));
    assertThat(p.multiplier()).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
    Random r = new Random(1);
    for (int i = 0; i < 100; i++) {
      assertThat(p.backoff(1, r).toMillis()).isBetween(50L, 150L);
      assertThat(p.backoff(3, r).toMillis()).isBetween(100L, 300L);
    }
    assertThat(new RetryPolicy(1, Duration.ofMillis(100)).backoff(1, r)).isZero();
    assertThat(new RetryPolicy(3, Duration.ZERO).backoff(2, r)).isZero();
    assertThatThrownBy(() -> Fx.build(new io.cairn.gateway.config.Middleware.Retry(0, Duration.ZERO)))
        .isInstanceOf(MiddlewareException.class);
  }

  @Test
  void exchangePathsFollowGo() {
    Exchange ex = Fx.get("http://x/a%2Fb/c%20d?q=1");
    assertThat(ex.path()).isEqualTo("/a/b/c d");
    assertThat(ex.rawPath()).isEqualTo("/a%2Fb/c%20d");
    assertThat(ex.requestUri()).isEqualTo("/a%2Fb/c%20d?q=1");
    Exchange plain = Fx.get("http://x/c%20d");
    assertThat(plain.rawPath()).isEmpty();
    assertThat(plain.escapedPath()).isEqualTo("/c%20d");
    assertThatThrownBy(() -> Fx.get("http://x/%zz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headerMapIsCaseInsensitiveAndOrdered() {
    HeaderMap h = new HeaderMap().add("X-A", "1").add("x-a", "2").set("B", "3");
    assertThat(h.getAll("x-A")).containsExactly("1", "2");
    assertThat(h.names()).containsExactly("X-A", "B");
    assertThat(h.get("missing")).isEmpty();
    h.remove("X-a");
    assertThat(h.contains("x-a")).isFalse();
  }

  @Test
  void sourceCriterionRequestHost() {
    var fn = SourceExtractor.of(Optional.of(new io.cairn.gateway.config.Middleware.SourceCriterion(Optional.empty(), "", true)), false);
    assertThat(fn.apply(Fx.get("http://h.com:81/"))).isEqualTo("h.com:81");
    assertThat(SourceExtractor.of(Optional.empty(), false).apply(Fx.fromIp("10.1.1.1"))).isEqualTo("10.1.1.1");
  }
}
