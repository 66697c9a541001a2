package io.cairn.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvalTimesTest {
  @Test
  void xxh64MatchesTheReferenceVectors() {
    assertThat(Xxh64.hash(new byte[0])).isEqualTo(0xEF46DB3751D8E999L);
    assertThat(Xxh64.hash("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x44BC2CF5AD770999L);
    // the 32-byte stripe path (python-xxhash's documented example)
    assertThat(Xxh64.hash("Nobody inspects the spammish repetition".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0xfbcea83c8a378bf1L);
  }

  @Test
  void evalTimestampIsTheGroupsLatestSlot() {
    long interval = 15_000_000_000L;
    long hash = EvalTimes.groupHash("g", "/etc/rules.yml");
    long offset = Long.remainderUnsigned(hash, interval);
    for (long now = 1_700_000_000_000_000_000L, i = 0; i < 50; i++, now += 1_234_567_891L) {
      long ts = EvalTimes.evalTimestamp(hash, interval, now);
      assertThat(ts).isLessThanOrEqualTo(now).isGreaterThan(now - interval);
      assertThat(Math.floorMod(ts, interval)).isEqualTo(offset);
    }
  }

  @Test
  void theHashDependsOnNameAndFile() {
    assertThat(EvalTimes.groupHash("a", "f")).isNotEqualTo(EvalTimes.groupHash("b", "f"))
        .isNotEqualTo(EvalTimes.groupHash("a", "g"));
    assertThat(EvalTimes.groupHash("a", "f")).isEqualTo(EvalTimes.groupHash("a", "f"));
  }
}
