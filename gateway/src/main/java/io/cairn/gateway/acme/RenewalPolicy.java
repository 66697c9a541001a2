package io.cairn.gateway.acme;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a certificate is renewed: within {@code beforeExpiry} of its end, or once {@code
 * lifetimeFraction} of its lifetime has passed, whichever comes first (so short-lived certificates
 * renew too). Defaults: 30 days, 2/3 (for a 90-day certificate both say day 60).
 */
public record RenewalPolicy(Duration beforeExpiry, double lifetimeFraction) {
  public static final RenewalPolicy DEFAULT = new RenewalPolicy(Duration.ofDays(30), 2.0 / 3.0);

  public RenewalPolicy {
    Objects.requireNonNull(beforeExpiry, "beforeExpiry");
    if (beforeExpiry.isNegative()) {
      throw new IllegalArgumentException(
          "beforeExpiry is " + beforeExpiry + "; expected zero or a positive duration");
    }
    if (!(lifetimeFraction > 0 && lifetimeFraction <= 1)) {
      throw new IllegalArgumentException(
          "lifetimeFraction is " + lifetimeFraction + "; expected a number in (0, 1]");
    }
  }

  /** The instant from which {@code certificate} should be renewed. */
  public Instant renewAt(X509Certificate certificate) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    long lifetimeMillis = Math.max(0, Duration.between(notBefore, notAfter).toMillis());
    Instant byFraction = notBefore.plusMillis((long) (lifetimeMillis * lifetimeFraction));
    Instant byExpiry = notAfter.minus(beforeExpiry);
    return byFraction.isBefore(byExpiry) ? byFraction : byExpiry;
  }
}
