package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** oxy cbreaker's expression parsing and state transitions (fake clock); fuzzed parser. */
class CircuitBreakerTest {
  private static final long MS = 1_000_000L;

  private static CbExpression.Metrics metrics(double netRatio, double codeRatio, long latency) {
    return new CbExpression.Metrics() {
      public double networkErrorRatio() {
        return netRatio;
      }

      public double responseCodeRatio(int a, int b, int c, int d) {
        return codeRatio;
      }

      public long latencyAtQuantileMs(double q) {
        return latency;
      }
    };
  }

  @Test
  void parsesTraefikExamples() {
    assertThat(CbParser.parse("NetworkErrorRatio() > 0.30")).isEqualTo(
        new CbExpression.Compare(new CbExpression.NetworkErrorRatio(), ">", 0.30));
    assertThat(CbParser.parse("ResponseCodeRatio(500, 600, 0, 600) > 0.25")).isEqualTo(
        new CbExpression.Compare(new CbExpression.ResponseCodeRatio(500, 600, 0, 600), ">", 0.25));
    assertThat(CbParser.parse("LatencyAtQuantileMS(50.0) > 100")).isEqualTo(
        new CbExpression.Compare(new CbExpression.LatencyAtQuantileMs(50), ">", 100));
    CbExpression e = CbParser.parse("NetworkErrorRatio() > 0.5 || ResponseCodeRatio(500, 600, 0, 600) > 0.25 && LatencyAtQuantileMS(50.0) > 100");
    assertThat(e).isInstanceOf(CbExpression.Or.class);
    assertThat(e.test(metrics(0.6, 0, 0))).isTrue();
    assertThat(e.test(metrics(0.1, 0.3, 50))).isFalse();
    assertThat(e.test(metrics(0.1, 0.3, 150))).isTrue();
    assertThat(CbParser.parse("(NetworkErrorRatio() > 0.5 || NetworkErrorRatio() == 0) && LatencyAtQuantileMS(99) <= 10")
        .test(metrics(0, 0, 10))).isTrue();
  }

  @Test
  void refusesBadExpressions() {
    for (String bad : new String[] {"", "NetworkErrorRatio()", "NetworkErrorRatio > 0.5", "Foo() > 1",
        "0.5 < NetworkErrorRatio()", "NetworkErrorRatio() > ", "ResponseCodeRatio(500, 600) > 0.1",
        "ResponseCodeRatio(500.5, 600, 0, 600) > 0.1", "NetworkErrorRatio() > 0.5 &&", "(NetworkErrorRatio() > 0.5",
        "NetworkErrorRatio() => 0.5", "NetworkErrorRatio() > 0.5 extra"}) {
      assertThatThrownBy(() -> CbParser.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Fx.build(new io.cairn.gateway.config.Middleware.CircuitBreaker("Nope()", Duration.ofMillis(100),
        Duration.ofSeconds(10), Duration.ofSeconds(10), 503))).isInstanceOf(MiddlewareException.class)
        .hasMessageStartingWith("middleware \"test\"");
  }

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> tokens = Arbitraries.of("NetworkErrorRatio()", "ResponseCodeRatio(", "LatencyAtQuantileMS(",
        "(", ")", ",", "&&", "||", ">", "<=", "==", "!=", "0.5", "500", ".", "e", " ", "1e999", "-", "!", "x", "\u00e9");
    Arbitrary<String> joined = tokens.list().ofMaxSize(30).map(l -> String.join("", l));
    return Arbitraries.oneOf(joined, Arbitraries.strings().ofMaxLength(60), Arbitraries.just("(".repeat(5000)));
  }

  @Property(tries = 2000)
  void parserFailsOnlyWithIllegalArgument(@ForAll("expressions") String text) {
    try {
      CbExpression e = CbParser.parse(text);
      assertThat(e.test(metrics(0.5, 0.5, 10))).isIn(true, false);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static io.cairn.gateway.middleware.CircuitBreaker breaker(AtomicLong clock) {
    return (io.cairn.gateway.middleware.CircuitBreaker) new MiddlewareFactory(clock::get, n -> null).build("cb",
        new io.cairn.gateway.config.Middleware.CircuitBreaker("NetworkErrorRatio() > 0.5", Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(10), 0), Fx.NO_REFS);
  }

  private static Outcome serve(Middleware m, AtomicLong clock, int status, boolean netError) {
    Exchange ex = Fx.get("http://a/");
    Outcome o = m.onRequest(ex);
    clock.addAndGet(MS);
    ex.complete(new Completion(status, netError, Duration.ofMillis(1)));
    return o;
  }

  @Test
  void tripsFallsBackRecoversAndCloses() {
    AtomicLong clock = new AtomicLong(5_000 * MS);
    var cb = breaker(clock);
    for (int i = 0; i < 10; i++) {
      assertThat(serve(cb, clock, 200, false)).isEqualTo(Outcome.CONTINUE);
    }
    clock.addAndGet(200 * MS);
    for (int i = 0; i < 20 && cb.state() == io.cairn.gateway.middleware.CircuitBreaker.State.STANDBY; i++) {
      serve(cb, clock, 502, true);
      clock.addAndGet(100 * MS);
    }
    assertThat(cb.state()).isEqualTo(io.cairn.gateway.middleware.CircuitBreaker.State.TRIPPED);
    Outcome.Respond r = (Outcome.Respond) cb.onRequest(Fx.get("http://a/"));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.bodyText()).isEqualTo("Service Unavailable");

    clock.addAndGet(10_001 * MS); // fallback over: recovering, ramping up
    int allowed = 0;
    for (int i = 0; i < 100; i++) {
      if (cb.onRequest(Fx.get("http://a/")) == Outcome.CONTINUE) {
        allowed++;
      }
      clock.addAndGet(50 * MS); // 5s of the 10s recovery
    }
    assertThat(cb.state()).isEqualTo(io.cairn.gateway.middleware.CircuitBreaker.State.RECOVERING);
    assertThat(allowed).isBetween(1, 60);
    clock.addAndGet(6_000 * MS);
    assertThat(cb.onRequest(Fx.get("http://a/"))).isEqualTo(Outcome.CONTINUE);
    assertThat(cb.state()).isEqualTo(io.cairn.gateway.middleware.CircuitBreaker.State.STANDBY);
  }

  @Test
  void metricsRatiosAndQuantiles() {
    CbMetrics m = new CbMetrics();
    long t = 100_000 * MS;
    for (int i = 0; i < 8; i++) {
      m.record(t, 200, false, (i + 1) * 10 * MS);
    }
    m.record(t, 500, false, 90 * MS);
    m.record(t, 504, false, 200 * MS);
    m.at(t);
    assertThat(m.networkErrorRatio()).isEqualTo(0.1);
    assertThat(m.responseCodeRatio(500, 600, 0, 600)).isEqualTo(0.2);
    assertThat(m.responseCodeRatio(500, 600, 0, 100)).isZero();
    assertThat(m.latencyAtQuantileMs(50)).isEqualTo(50);
    assertThat(m.latencyAtQuantileMs(100)).isBetween(200L, 203L);
    m.at(t + 11_000 * MS);
    assertThat(m.networkErrorRatio()).as("10s window passed").isZero();
    assertThat(m.latencyAtQuantileMs(50)).as("60s window still holds").isEqualTo(50);
    for (long v : new long[] {0, 1, 127, 128, 129, 1000, 65_535, 3_600_000}) {
      assertThat(CbMetrics.highest(CbMetrics.bin(v))).as("bin of " + v).isGreaterThanOrEqualTo(v).isLessThanOrEqualTo(v + v / 64 + 1);
    }
  }
}
