package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scrape timestamps aligned to the intended schedule, as Prometheus 2.42's scrapeLoop.run does. */
class ScrapeClockTest {
  private static final Duration FIVE_S = Duration.ofSeconds(5);
  private static final long START_MS = 1_700_000_000_000L;

  /** Epoch microseconds {@code ms} milliseconds (may be fractional) after the start. */
  private static long at(double ms) {
    return START_MS * 1_000 + Math.round(ms * 1_000);
  }

  @Test
  void aScrapeWithinTheToleranceOfItsTickIsStampedWithTheTick() {
    ScrapeClock c = new ScrapeClock(TimestampAlignment.DEFAULT, FIVE_S, at(0));
    assertThat(c.stamp(at(0.4))).isEqualTo(START_MS);
    assertThat(c.stamp(at(5_001.9))).isEqualTo(START_MS + 5_000);
    assertThat(c.stamp(at(10_002))).isEqualTo(START_MS + 10_000);
    // A few microseconds before the tick (clock-read jitter) is aligned too.
    assertThat(c.stamp(at(14_999.99))).isEqualTo(START_MS + 15_000);
  }

  @Test
  void aLateScrapeKeepsItsOwnTimeAndTheNextIsBackOnSchedule() {
    ScrapeClock c = new ScrapeClock(TimestampAlignment.DEFAULT, FIVE_S, at(0));
    c.stamp(at(0));
    assertThat(c.stamp(at(5_007.5))).isEqualTo(START_MS + 5_007);
    assertThat(c.stamp(at(10_000.2))).isEqualTo(START_MS + 10_000);
  }

  @Test
  void aLateFirstScrapeDoesNotShiftTheSchedule() {
    ScrapeClock c = new ScrapeClock(TimestampAlignment.DEFAULT, FIVE_S, at(0));
    assertThat(c.stamp(at(80))).isEqualTo(START_MS + 80);
    assertThat(c.stamp(at(5_000.3))).isEqualTo(START_MS + 5_000);
  }

  @Test
  void skippedTicksAdvanceTheSchedule() {
    ScrapeClock c = new ScrapeClock(TimestampAlignment.DEFAULT, FIVE_S, at(0));
    c.stamp(at(0));
    assertThat(c.stamp(at(20_001))).isEqualTo(START_MS + 20_000);
    assertThat(c.stamp(at(27_500))).isEqualTo(START_MS + 27_500);
    assertThat(c.stamp(at(30_000))).isEqualTo(START_MS + 30_000);
  }

  @Test
  void aWallClockSteppedBackGetsItsOwnTimes() {
    ScrapeClock c = new ScrapeClock(TimestampAlignment.DEFAULT, FIVE_S, at(0));
    c.stamp(at(10_000));
    assertThat(c.stamp(at(-60_000))).isEqualTo(START_MS - 60_000);
  }

  @Test
  void disabledOrShortIntervalsKeepTheWallClock() {
    ScrapeClock off = new ScrapeClock(new TimestampAlignment(false, Duration.ofMillis(2)), FIVE_S, at(0));
    assertThat(off.stamp(at(5_001))).isEqualTo(START_MS + 5_001);
    // 200 ms is not more than 100 x 2 ms.
    ScrapeClock fast = new ScrapeClock(TimestampAlignment.DEFAULT, Duration.ofMillis(200), at(0));
    assertThat(fast.stamp(at(201))).isEqualTo(START_MS + 201);
    ScrapeClock wide = new ScrapeClock(new TimestampAlignment(true, Duration.ofMillis(20)), FIVE_S, at(0));
    assertThat(wide.stamp(at(5_019))).isEqualTo(START_MS + 5_000);
    assertThat(wide.stamp(at(10_021))).isEqualTo(START_MS + 10_021);
    ScrapeClock exact = new ScrapeClock(new TimestampAlignment(true, Duration.ZERO), FIVE_S, at(0));
    assertThat(exact.stamp(at(5_000))).isEqualTo(START_MS + 5_000);
    assertThat(exact.stamp(at(10_000.5))).isEqualTo(START_MS + 10_000);
    assertThat(exact.stamp(at(15_001))).isEqualTo(START_MS + 15_001);
  }

  @Test
  void aNegativeToleranceIsRefused() {
    assertThatThrownBy(() -> new TimestampAlignment(true, Duration.ofMillis(-1)))
        .hasMessageContaining("must not be negative");
  }
}
