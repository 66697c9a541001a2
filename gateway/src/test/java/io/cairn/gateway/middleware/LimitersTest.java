package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.config.Middleware.InFlightReq;
import io.cairn.gateway.config.Middleware.IpAllowList;
import io.cairn.gateway.config.Middleware.IpStrategy;
import io.cairn.gateway.config.Middleware.RateLimit;
import io.cairn.gateway.config.Middleware.SourceCriterion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's ip_allowlist_test.go, ip strategy tests, rate_limiter_test.go (fake clock) and inFlightReq. */
class LimitersTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      20.20.20.20             | 20.20.20.20  | ''                        | 0 | ''          | 200
      20.20.20.20             | 20.20.20.21  | ''                        | 0 | ''          | 403
      20.20.20.0/24           | 20.20.20.200 | ''                        | 0 | ''          | 200
      20.20.20.0/24           | 20.20.21.1   | ''                        | 0 | ''          | 403
      2001:db8::/32           | 2001:db8::1  | ''                        | 0 | ''          | 200
      2001:db8::/32           | 2001:db9::1  | ''                        | 0 | ''          | 403
      20.20.20.20             | 10.0.0.1     | '30.30.30.30,20.20.20.20' | 1 | ''          | 200
      20.20.20.20             | 10.0.0.1     | '20.20.20.20,30.30.30.30' | 1 | ''          | 403
      20.20.20.20             | 10.0.0.1     | '20.20.20.20,30.30.30.30' | 2 | ''          | 200
      20.20.20.20             | 10.0.0.1     | '20.20.20.20'             | 2 | ''          | 403
      20.20.20.20             | 10.0.0.1     | '20.20.20.20, 30.30.30.30'| 0 | 30.30.30.30 | 200
      20.20.20.20             | 20.20.20.20  | ''                        | 0 | 30.30.30.30 | 403
      """)
  void ipAllowList(String ranges, String remote, String xff, int depth, String excluded, int status) {
    Optional<IpStrategy> strategy = depth > 0 || !excluded.isEmpty()
        ? Optional.of(new IpStrategy(depth, excluded.isEmpty() ? List.of() : List.of(excluded))) : Optional.empty();
    Middleware m = Fx.build(new IpAllowList(List.of(ranges.split(",")), strategy, 0));
    Exchange ex = Fx.fromIp(remote);
    if (!xff.isEmpty()) {
      ex.requestHeaders().set("X-Forwarded-For", xff);
    }
    Outcome o = m.onRequest(ex);
    if (status == 200) {
      assertThat(o).isEqualTo(Outcome.CONTINUE);
    } else {
      assertThat(o).isInstanceOfSatisfying(Outcome.Respond.class, r -> {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.bodyText()).isEqualTo("Forbidden");
      });
    }
  }

  @Test
  void ipAllowListCustomRejectStatusAndBadRanges() {
    Middleware m = Fx.build(new IpAllowList(List.of("10.0.0.0/8"), Optional.empty(), 404));
    Outcome.Respond r = (Outcome.Respond) m.onRequest(Fx.fromIp("192.0.2.1"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.bodyText()).isEqualTo("Not Found");
    for (String bad : List.of("foo", "10.0.0.0/33", "300.1.1.1", "01.2.3.4", "::1%eth0", "10.0.0.1/")) {
      assertThatThrownBy(() -> Fx.build(new IpAllowList(List.of(bad), Optional.empty(), 0)))
          .as(bad).isInstanceOf(MiddlewareException.class).hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> Fx.build(new IpAllowList(List.of(), Optional.empty(), 0))).isInstanceOf(MiddlewareException.class);
  }

  private static MiddlewareFactory factory(AtomicLong clock) {
    return new MiddlewareFactory(clock::get, n -> new LocalBucketStore(8));
  }

  private static final long MS = 1_000_000L;

  @Test
  void rateLimitBurstThenDelayThenRefuse() {
    AtomicLong clock = new AtomicLong(1_000_000 * MS);
    // average 10/s, burst 2: max delay = 1s/(2*10) = 50ms; one token every 100ms
    Middleware m = factory(clock).build("rl", new RateLimit(10, Duration.ofSeconds(1), 2, Optional.empty()), Fx.NO_REFS);
    assertThat(m.onRequest(Fx.fromIp("1.1.1.1"))).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(Fx.fromIp("1.1.1.1"))).isEqualTo(Outcome.CONTINUE);
    Outcome.Respond r = (Outcome.Respond) m.onRequest(Fx.fromIp("1.1.1.1"));
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.bodyText()).isEqualTo("Too Many Requests");
    assertThat(r.headers().get("Retry-After")).isEqualTo("1");
    assertThat(r.headers().get("X-Retry-In")).isEqualTo("100ms");
    assertThat(m.onRequest(Fx.fromIp("2.2.2.2"))).as("other source").isEqualTo(Outcome.CONTINUE);
    clock.addAndGet(60 * MS);
    assertThat(m.onRequest(Fx.fromIp("1.1.1.1"))).isEqualTo(new Outcome.Proceed(Duration.ofMillis(40)));
    clock.addAndGet(1000 * MS);
    assertThat(m.onRequest(Fx.fromIp("1.1.1.1"))).isEqualTo(Outcome.CONTINUE);
  }

  @Test
  void rateLimitSustainedRateIsAverage() {
    AtomicLong clock = new AtomicLong(0);
    Middleware m = factory(clock).build("rl", new RateLimit(100, Duration.ofSeconds(1), 1, Optional.empty()), Fx.NO_REFS);
    int passed = 0;
    for (int i = 0; i < 1000; i++) { // 1000 requests over one second, one per ms
      if (!(m.onRequest(Fx.fromIp("9.9.9.9")) instanceof Outcome.Respond)) {
        passed++;
      }
      clock.addAndGet(MS);
    }
    assertThat(passed).isBetween(95, 106);
  }

  @Test
  void rateLimitZeroAverageIsUnlimitedAndHeaderCriterion() {
    AtomicLong clock = new AtomicLong(0);
    Middleware none = factory(clock).build("rl", new RateLimit(0, Duration.ofSeconds(1), 1, Optional.empty()), Fx.NO_REFS);
    for (int i = 0; i < 100; i++) {
      assertThat(none.onRequest(Fx.fromIp("1.1.1.1"))).isEqualTo(Outcome.CONTINUE);
    }
    Middleware byHeader = factory(clock).build("rl", new RateLimit(1, Duration.ofSeconds(1), 1,
        Optional.of(new SourceCriterion(Optional.empty(), "X-Api-Key", false))), Fx.NO_REFS);
    Exchange a = Fx.fromIp("1.1.1.1");
    a.requestHeaders().set("X-Api-Key", "a");
    Exchange b = Fx.fromIp("1.1.1.1");
    b.requestHeaders().set("X-Api-Key", "b");
    Exchange a2 = Fx.fromIp("2.2.2.2");
    a2.requestHeaders().set("X-Api-Key", "a");
    assertThat(byHeader.onRequest(a)).isEqualTo(Outcome.CONTINUE);
    assertThat(byHeader.onRequest(b)).isEqualTo(Outcome.CONTINUE);
    assertThat(byHeader.onRequest(a2)).isInstanceOf(Outcome.Respond.class);
  }

  @Test
  void rateLimitPeriodAndLowRates() {
    RateLimitSpec s = RateLimitSpec.of(1, Duration.ofMinutes(1), 0);
    assertThat(s.burst()).isEqualTo(1);
    assertThat(s.maxDelayNanos()).isEqualTo(500 * MS);
    assertThat(s.ttlNanos()).isEqualTo(61_000 * MS);
    RateLimitSpec fast = RateLimitSpec.of(100, Duration.ofSeconds(1), 50);
    assertThat(fast.maxDelayNanos()).isEqualTo(5 * MS);
    assertThat(fast.ttlNanos()).isEqualTo(2_000 * MS);
  }

  @Test
  void bucketStoreIsBounded() {
    LocalBucketStore store = new LocalBucketStore(3);
    RateLimitSpec spec = RateLimitSpec.of(1, Duration.ofSeconds(1), 1);
    for (int i = 0; i < 10; i++) {
      store.reserve("s" + i, spec, 0);
    }
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void goDurationText() {
    assertThat(GoDurationText.format(100 * MS)).isEqualTo("100ms");
    assertThat(GoDurationText.format(1_500 * MS)).isEqualTo("1.5s");
    assertThat(GoDurationText.format(3_723_500 * MS)).isEqualTo("1h2m3.5s");
    assertThat(GoDurationText.format(61_000 * MS)).isEqualTo("1m1s");
    assertThat(GoDurationText.format(1_500)).isEqualTo("1.5µs");
  }

  @Test
  void inFlightReqLimitsPerHostAndReleasesOnComplete() {
    Middleware m = Fx.build(new InFlightReq(2, Optional.empty()));
    Exchange e1 = Fx.get("http://a.com/");
    Exchange e2 = Fx.get("http://a.com/");
    assertThat(m.onRequest(e1)).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(e2)).isEqualTo(Outcome.CONTINUE);
    Outcome.Respond r = (Outcome.Respond) m.onRequest(Fx.get("http://a.com/"));
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.bodyText()).isEqualTo("max connections reached: 2");
    assertThat(m.onRequest(Fx.get("http://b.com/"))).as("other host").isEqualTo(Outcome.CONTINUE);
    Completion done = new Completion(200, false, Duration.ZERO);
    e1.complete(done);
    e1.complete(done); // twice releases once
    assertThat(((io.cairn.gateway.middleware.InFlightReq) m).inFlight("a.com")).isEqualTo(1);
    assertThat(m.onRequest(Fx.get("http://a.com/"))).isEqualTo(Outcome.CONTINUE);
    assertThatThrownBy(() -> Fx.build(new InFlightReq(0, Optional.empty()))).isInstanceOf(MiddlewareException.class);
  }
}
