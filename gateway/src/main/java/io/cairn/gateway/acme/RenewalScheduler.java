package io.cairn.gateway.acme;

import io.cairn.gateway.tls.CertifiedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each watched domain list's certificate obtained and renewed: a check issues when the list
 * has no certificate or its certificate is due ({@link RenewalPolicy}), else sleeps until due (at
 * most {@link AcmeOptions#maxSleep()}); a failure is logged and retried after {@link Backoff}. A
 * list has exactly one check pending or running at a time; the new certificate replaces the old
 * one only once {@code obtain} (which stores it) has returned.
 *
 * <p>Threads: one daemon platform thread only keeps time; each check runs on its own virtual
 * thread, because obtaining blocks on the CA.
 */
final class RenewalScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RenewalScheduler.class);

  /** Obtains and stores a certificate for a domain list; blocking. */
  @FunctionalInterface
  interface Obtain {
    CertifiedKey obtain(List<String> domains) throws Exception;
  }

  private final String resolver;
  private final AcmeOptions options;
  private final Obtain obtain;
  private final ScheduledExecutorService timer;
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  RenewalScheduler(String resolver, AcmeOptions options, Obtain obtain) {
    this.resolver = resolver;
    this.options = options;
    this.obtain = obtain;
    this.timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("acme-" + resolver + "-timer").factory());
  }

  /** Starts keeping {@code m}; call once per list. */
  void watch(Managed m) {
    schedule(m, Duration.ZERO);
  }

  /** Stops the timer and interrupts running checks. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    workers.forEach(Thread::interrupt);
  }

  private void schedule(Managed m, Duration delay) {
    if (closed) {
      return;
    }
    Duration d = delay.compareTo(options.maxSleep()) > 0 ? options.maxSleep() : delay;
    try {
      timer.schedule(() -> startCheck(m), Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void startCheck(Managed m) {
    if (closed) {
      return;
    }
    Thread t = Thread.ofVirtual().name("acme-" + resolver + "-" + m.domains.getFirst())
        .unstarted(() -> {
          try {
            check(m);
          } finally {
            workers.remove(Thread.currentThread());
          }
        });
    workers.add(t);
    t.start();
  }

  private void check(Managed m) {
    CertifiedKey current = m.current;
    Instant now = Instant.now();
    if (current != null) {
      Instant due = options.renewal().renewAt(current.leaf());
      if (now.isBefore(due)) {
        schedule(m, Duration.between(now, due));
        return;
      }
      LOG.info("ACME resolver {}: renewing the certificate for {} (expires {})", resolver,
          m.domains, current.notAfter());
    }
    try {
      CertifiedKey obtained = obtain.obtain(m.domains);
      m.serve(obtained);
      LOG.info("ACME resolver {}: obtained a certificate for {}, valid until {}", resolver,
          m.domains, obtained.notAfter());
      schedule(m, Duration.between(Instant.now(), options.renewal().renewAt(obtained.leaf())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (closed) {
        return;
      }
      m.failures++;
      Duration wait = options.backoff().delay(m.failures);
      LOG.warn("ACME resolver {}: obtaining a certificate for {} failed (attempt {}), retrying in"
          + " {}: {}", resolver, m.domains, m.failures, wait, e.toString());
      schedule(m, wait);
    }
  }
}
