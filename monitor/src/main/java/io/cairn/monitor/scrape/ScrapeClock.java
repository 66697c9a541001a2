package io.cairn.monitor.scrape;

import java.time.Duration;
import java.time.Instant;

/**
 * The timestamps of one scrape loop, aligned as Prometheus 2.42's {@code scrapeLoop.run} aligns
 * them: the intended ticks are {@code start + k × interval}, and a scrape that starts within
 * {@code tolerance} of a tick is stamped with the tick itself; any other scrape with its own start
 * time. The schedule is anchored on the intended time of the first tick (Prometheus: the time the
 * loop started, which its ticker then follows), never on a previous timestamp, so one late scrape
 * costs one unaligned sample and a late first scrape costs nothing later.
 *
 * <p>Times are wall-clock microseconds, so that millisecond truncation cannot push a tick that
 * fired a few microseconds early or late out of the window (Prometheus compares nanoseconds).
 * Unlike Prometheus, a scrape reported slightly <em>before</em> its tick (clock-read jitter) is
 * aligned too; the tick never moves backwards, so a wall clock stepped back gets its own times.
 *
 * <p>Not thread-safe: one loop thread.
 */
final class ScrapeClock {
  private final boolean align;
  private final long intervalMicros;
  private final long toleranceMicros;
  private long tick;

  /** @param startMicros the wall-clock time the first scrape is due, in epoch microseconds */
  ScrapeClock(TimestampAlignment alignment, Duration interval, long startMicros) {
    this.align = alignment.appliesTo(interval);
    this.intervalMicros = micros(interval);
    this.toleranceMicros = micros(alignment.tolerance());
    this.tick = startMicros;
  }

  /** The wall clock in epoch microseconds. */
  static long wallMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  /**
   * The timestamp in epoch milliseconds for a scrape starting at {@code nowMicros} (calls in
   * non-decreasing time).
   */
  long stamp(long nowMicros) {
    if (align) {
      long since = nowMicros - tick;
      if (since > toleranceMicros) { // on to the latest tick at or before now + tolerance
        tick += (since + toleranceMicros) / intervalMicros * intervalMicros;
      }
      if (Math.abs(nowMicros - tick) <= toleranceMicros) {
        return Math.floorDiv(tick, 1_000);
      }
    }
    return Math.floorDiv(nowMicros, 1_000);
  }

  private static long micros(Duration d) {
    return d.getSeconds() * 1_000_000 + d.getNano() / 1_000;
  }
}
