package io.cairn.monitor.rules;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one group on its own virtual thread, as Prometheus's {@code Group.run}: waits for the group's
 * next slot ({@link EvalTimes}), evaluates, then once per interval; when an evaluation overran,
 * the slots it missed are skipped and counted ({@code prometheus_rule_group_iterations_missed_total}).
 * A group that must restore {@code for} state does so after its second evaluation (so that
 * recording rules it depends on had a chance to run). {@link #stop} ends the loop between rules and
 * waits for it.
 */
final class GroupRunner {
  private static final Logger log = LoggerFactory.getLogger(GroupRunner.class);

  final Group group;
  private final boolean shouldRestore;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Thread thread;

  GroupRunner(Group group, boolean shouldRestore) {
    this.group = group;
    this.shouldRestore = shouldRestore;
  }

  void start() {
    thread = Thread.ofVirtual().name("rules-" + group.name()).start(this::run);
  }

  private boolean stopped() {
    return done.getCount() == 0;
  }

  /** Waits until {@code nanos} (Unix ns); false if stopped meanwhile. */
  private boolean sleepUntil(long nanos) {
    long wait = nanos - nowNanos();
    try {
      return wait <= 0 ? !stopped() : !done.await(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static long nowNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private void run() {
    long interval = group.intervalMillis * 1_000_000L;
    long hash = EvalTimes.groupHash(group.name(), group.file);
    long evalTs = EvalTimes.evalTimestamp(hash, interval, nowNanos()) + interval;
    if (!sleepUntil(evalTs)) {
      return;
    }
    iteration(evalTs);
    boolean restore = shouldRestore;
    while (true) {
      if (!sleepUntil(evalTs + interval)) {
        return;
      }
      long missed = (nowNanos() - evalTs) / interval - 1;
      RuleMetrics m = group.opts.metrics();
      if (missed > 0 && m != null) {
        m.iterationsMissed.labelValues(group.key()).inc(missed);
        m.iterationsScheduled.labelValues(group.key()).inc(missed);
      }
      evalTs += (Math.max(missed, 0) + 1) * interval;
      iteration(evalTs);
      if (restore) {
        ForStateRestore.restore(group, System.currentTimeMillis());
        restore = false;
      }
    }
  }

  private void iteration(long evalTsNanos) {
    RuleMetrics m = group.opts.metrics();
    if (m != null) {
      m.iterationsScheduled.labelValues(group.key()).inc();
    }
    long startMillis = System.currentTimeMillis();
    long t0 = System.nanoTime();
    try {
      group.eval(evalTsNanos / 1_000_000L, this::stopped);
    } catch (RuntimeException e) {
      log.error("evaluating rule group {} failed", group.key(), e);
    }
    long nanos = System.nanoTime() - t0;
    group.evaluated(startMillis, nanos);
    if (m != null) {
      m.iterationDuration.observe(nanos / 1e9);
      m.groupLastDuration.labelValues(group.key()).set(nanos / 1e9);
      m.groupLastEvalTime.labelValues(group.key()).set(startMillis / 1e3);
    }
  }

  /** Ends the loop and waits for the evaluation in progress to finish. */
  void stop() {
    done.countDown();
    Thread t = thread;
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
