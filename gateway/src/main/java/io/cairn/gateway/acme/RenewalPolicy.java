package io.cairn.gateway.acme;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a certificate is renewed: within {@code beforeExpiry} of its end, or once {@code
 * lifetimeFraction} of its lifetime has passed, whichever comes first (so short-lived certificates
 * renew too). Defaults: 30 days, 2/3 (for a 90-day certificate both say day 60).
 *
 * <p>Decision: the {@code beforeExpiry} window is ignored when it would open in the first half of
 * the lifetime; otherwise a certificate shorter than 30 days (Let's Encrypt's 6-day ones, test
 * certificates) would be due the moment it is issued and be renewed in a loop. Those renew at
 * {@code lifetimeFraction}.
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
    return renewAt(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
  }

  /** The instant from which a certificate valid from {@code notBefore} to {@code notAfter} is due. */
  public Instant renewAt(Instant notBefore, Instant notAfter) {
    long lifetimeMillis = Math.max(0, Duration.between(notBefore, notAfter).toMillis());
    Instant byFraction = notBefore.plusMillis((long) (lifetimeMillis * lifetimeFraction));
    Instant byExpiry = notAfter.minus(beforeExpiry);
    Instant halfway = notBefore.plusMillis(lifetimeMillis / 2);
    if (byExpiry.isBefore(halfway)) {
      return byFraction;
    }
    return byFraction.isBefore(byExpiry) ? byFraction : byExpiry;
  }
}
