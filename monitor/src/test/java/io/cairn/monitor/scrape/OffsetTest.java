package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OffsetTest {
  private static ScrapeTarget target(int i) {
    return ScrapeTarget.of(Labels.of("job", "j", "instance", "h" + i + ":9100"), URI.create("http://h" + i + ":9100/metrics"),
        Duration.ofSeconds(15), Duration.ofSeconds(10));
  }

  @Test
  void offsetsAreWithinTheIntervalAndKeepTheirPhase() {
    long interval = 15_000;
    for (int i = 0; i < 200; i++) {
      ScrapeTarget t = target(i);
      long phase = -1;
      for (long now : new long[] {0, 1, 7_499, 1_700_000_000_123L, 1_700_000_009_999L}) {
        long off = t.offsetMillis(now, 0);
        assertThat(off).isBetween(0L, interval);
        assertThat(t.offsetMillis(now, 0)).isEqualTo(off);
        long p = Math.floorMod(now + off, interval);
        if (phase >= 0) {
          assertThat(p).isEqualTo(phase);
        }
        phase = p;
      }
    }
  }

  @Test
  void offsetsSpreadTargetsAndDependOnTheSeed() {
    long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> target(i).offsetMillis(0, 0)).distinct().count();
    assertThat(distinct).isGreaterThan(90);
    assertThat(target(1).offsetMillis(0, 0)).isNotEqualTo(target(1).offsetMillis(0, 12345));
  }

  @Test
  void hashIsFnv1aOfLabelsAndUrl() {
    ScrapeTarget t = target(0);
    long h = 0xcbf29ce484222325L;
    for (byte b : (t.labels().toString() + t.url()).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    assertThat(t.hash()).isEqualTo(h);
  }
}
