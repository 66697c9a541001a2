package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prometheus's leveled planning, with ranges 20, 60, 180 (its test's scale). */
class CompactorPlanTest {
  private final Compactor compactor = new Compactor(List.of(20L, 60L, 180L));

  record Fake(BlockMeta meta, long sizeBytes) implements BlockInfo {
    static Fake of(long mint, long maxt) {
      return of(mint, maxt, 0);
    }

    static Fake of(long mint, long maxt, long size) {
      Ulid u = Ulid.next();
      return new Fake(new BlockMeta(u, mint, maxt, new BlockMeta.Stats(1, 1, 1, 0), BlockMeta.Compaction.fresh(u)), size);
    }

    @Override
    public String toString() {
      return meta.minTime() + "-" + meta.maxTime();
    }
  }

  private List<Fake> plan(Fake... blocks) {
    List<Fake> shuffled = new ArrayList<>(List.of(blocks));
    java.util.Collections.reverse(shuffled); // order of the input does not matter
    return compactor.plan(shuffled);
  }

  @Test
  void exponentialRangesAreProMetheusDefaults() {
    assertThat(Compactor.exponentialBlockRanges(7_200_000, 3, 5)).containsExactly(7_200_000L, 36_000_000L, 180_000_000L);
    assertThat(Compactor.exponentialBlockRanges(20, 3, 3)).containsExactly(20L, 60L, 180L);
  }

  @Test
  void nothingToPlan() {
    assertThat(plan()).isEmpty();
    assertThat(plan(Fake.of(0, 20))).isEmpty();
    assertThat(plan(Fake.of(0, 20), Fake.of(20, 40))).isEmpty();
    // the newest block is left out, so 0-20 and 20-40 do not fill 0-60 yet
    assertThat(plan(Fake.of(0, 20), Fake.of(20, 40), Fake.of(40, 60))).isEmpty();
  }

  @Test
  void blocksFillingARangeAreCompacted() {
    Fake a = Fake.of(0, 20);
    Fake b = Fake.of(20, 40);
    Fake c = Fake.of(40, 60);
    assertThat(plan(a, b, c, Fake.of(60, 80))).containsExactly(a, b, c);
  }

  @Test
  void higherLevelsFillLargerRanges() {
    Fake a = Fake.of(0, 60);
    Fake b = Fake.of(60, 120);
    Fake c = Fake.of(120, 180);
    assertThat(plan(a, b, c, Fake.of(180, 200))).containsExactly(a, b, c);
  }

  @Test
  void aGroupBeforeTheNewestBlockIsCompactedEvenWithGaps() {
    Fake a = Fake.of(0, 20);
    Fake b = Fake.of(20, 40);
    assertThat(plan(a, b, Fake.of(200, 220), Fake.of(220, 240))).containsExactly(a, b);
  }

  @Test
  void misalignedBlocksAreSkipped() {
    assertThat(plan(Fake.of(10, 70), Fake.of(70, 80), Fake.of(80, 100))).isEmpty();
  }

  @Test
  void overlappingBlocksComeFirstNewestIncluded() {
    Fake a = Fake.of(0, 20);
    Fake b = Fake.of(10, 30);
    assertThat(plan(a, b, Fake.of(40, 60))).containsExactly(a, b);
    Fake c = Fake.of(40, 60);
    Fake d = Fake.of(50, 55);
    assertThat(plan(Fake.of(0, 20), c, d)).containsExactly(c, d);
    // only the first overlapping run
    Fake e = Fake.of(0, 20);
    Fake f = Fake.of(5, 25);
    assertThat(plan(e, f, Fake.of(40, 60), Fake.of(45, 70))).containsExactly(e, f);
  }
}
