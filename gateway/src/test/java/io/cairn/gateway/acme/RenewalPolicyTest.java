package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RenewalPolicy policy = RenewalPolicy.DEFAULT;

  @Test
  void ninetyDayCertificateRenewsAtDaySixty() {
    assertThat(policy.renewAt(T0, T0.plus(Duration.ofDays(90)))).isEqualTo(T0.plus(Duration.ofDays(60)));
  }

  @Test
  void yearLongCertificateRenewsAtTwoThirdsWhichComesFirst() {
    assertThat(policy.renewAt(T0, T0.plus(Duration.ofDays(360))))
        .isEqualTo(T0.plus(Duration.ofDays(240)));
  }

  @Test
  void seventyFiveDayCertificateRenewsThirtyDaysBeforeExpiryWhichComesFirst() {
    assertThat(policy.renewAt(T0, T0.plus(Duration.ofDays(75)))).isEqualTo(T0.plus(Duration.ofDays(45)));
  }

  @Test
  void shortLivedCertificateRenewsAtTwoThirdsInsteadOfAtOnce() {
    assertThat(policy.renewAt(T0, T0.plus(Duration.ofDays(6)))).isEqualTo(T0.plus(Duration.ofDays(4)));
    assertThat(policy.renewAt(T0, T0.plusSeconds(30))).isEqualTo(T0.plusSeconds(20));
  }

  @Test
  void sixtyDayCertificateUsesTheThirtyDayWindowOnceItOpensAtHalfway() {
    assertThat(policy.renewAt(T0, T0.plus(Duration.ofDays(60)))).isEqualTo(T0.plus(Duration.ofDays(30)));
  }

  @Test
  void rejectsFractionsOutsideTheLifetime() {
    assertThatThrownBy(() -> new RenewalPolicy(Duration.ofDays(30), 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lifetimeFraction is 1.5; expected a number in (0, 1]");
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    var b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(b.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.delay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(b.delay(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(b.delay(1000)).isEqualTo(Duration.ofSeconds(5));
    assertThat(Backoff.DEFAULT.delay(100)).isEqualTo(Duration.ofHours(6));
  }
}
