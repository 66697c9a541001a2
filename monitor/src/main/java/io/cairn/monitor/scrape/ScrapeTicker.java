package io.cairn.monitor.scrape;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Fires every scrape loop's ticks from one platform thread and reads the wall clock there (in
 * microseconds, {@link ScrapeClock#wallMicros}), when the tick is due.
 *
 * <p>Why: a scrape loop runs on a virtual thread, and a virtual thread whose wait ends still queues
 * for a carrier behind other loops' parsing and appending. On one busy core that delay was a median
 * 6 ms and a 90th percentile of 37 ms, so most scrapes missed the 2 ms alignment tolerance and
 * their timestamps cost 9 to 16 bits each in the chunks instead of 1. The kernel schedules this
 * thread promptly, so the time it reads is when the scrape was due and dispatched; the request
 * follows as soon as the loop's thread runs.
 *
 * <p>Thread-safety: {@link #schedule} from any thread; the callback runs on the ticker thread and
 * must only hand the time over (it must not block).
 */
final class ScrapeTicker {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private ScrapeTicker() {}

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("scrape-ticker").unstarted(r));
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  /** Calls {@code tick} with {@link ScrapeClock#wallMicros()} once {@code delayNanos} have passed. */
  static ScheduledFuture<?> schedule(long delayNanos, LongConsumer tick) {
    return TIMER.schedule(() -> tick.accept(ScrapeClock.wallMicros()), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }
}
