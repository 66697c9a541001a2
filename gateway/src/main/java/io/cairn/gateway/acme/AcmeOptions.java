package io.cairn.gateway.acme;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a resolver runs, beyond Traefik's static options.
 *
 * @param timeout the network timeout towards the CA and the longest wait for a challenge or an
 *     order to complete (default 2 minutes)
 * @param backoff delays between failed attempts (default 1 minute doubling up to 6 hours)
 * @param renewal when certificates are renewed (default 30 days before expiry or at 2/3 of the
 *     lifetime)
 * @param maxSleep the longest the scheduler sleeps before it looks at a certificate again, so a
 *     suspended machine or a changed clock delays renewal by at most this (default 12 hours)
 * @param caTrust the TLS trust for the CA's directory; empty means the JDK's default trust store
 */
public record AcmeOptions(
    Duration timeout,
    Backoff backoff,
    RenewalPolicy renewal,
    Duration maxSleep,
    Optional<SSLContext> caTrust) {

  public static final AcmeOptions DEFAULTS =
      new AcmeOptions(
          Duration.ofMinutes(2),
          Backoff.DEFAULT,
          RenewalPolicy.DEFAULT,
          Duration.ofHours(12),
          Optional.empty());

  public AcmeOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(renewal, "renewal");
    Objects.requireNonNull(maxSleep, "maxSleep");
    Objects.requireNonNull(caTrust, "caTrust");
    if (timeout.isNegative() || timeout.isZero() || maxSleep.isNegative() || maxSleep.isZero()) {
      throw new IllegalArgumentException(
          "timeout " + timeout + " and maxSleep " + maxSleep + "; expected positive durations");
    }
  }

  public AcmeOptions withTimeout(Duration value) {
    return new AcmeOptions(value, backoff, renewal, maxSleep, caTrust);
  }

  public AcmeOptions withBackoff(Backoff value) {
    return new AcmeOptions(timeout, value, renewal, maxSleep, caTrust);
  }

  public AcmeOptions withRenewal(RenewalPolicy value) {
    return new AcmeOptions(timeout, backoff, value, maxSleep, caTrust);
  }

  public AcmeOptions withCaTrust(SSLContext value) {
    return new AcmeOptions(timeout, backoff, renewal, maxSleep, Optional.of(value));
  }
}
