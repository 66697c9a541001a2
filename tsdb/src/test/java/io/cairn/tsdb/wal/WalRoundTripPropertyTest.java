package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random records of random sizes, in random batches, across page and segment boundaries, read back. */
class WalRoundTripPropertyTest {
  private static final int PAGE = Wal.PAGE_SIZE;

  @Property(tries = 60)
  void recordsComeBackInOrder(
      @ForAll("sizes") List<Integer> sizes,
      @ForAll @IntRange(min = 1, max = 4) int pagesPerSegment,
      @ForAll @IntRange(min = 1, max = 5) int batch,
      @ForAll @IntRange(min = 0, max = 3) int reopenEvery,
      @ForAll long seed) throws Exception {
    WalTesting.inTempDir(dir -> {
      Random random = new Random(seed);
      List<byte[]> written = new ArrayList<>();
      WalOptions options = WalTesting.small(pagesPerSegment);
      Wal wal = Wal.open(dir, options);
      int batches = 0;
      for (int i = 0; i < sizes.size(); i += batch) {
        List<byte[]> recs = new ArrayList<>();
        for (int j = i; j < Math.min(sizes.size(), i + batch); j++) {
          recs.add(WalTesting.record(random, sizes.get(j)));
        }
        wal.log(recs.toArray(byte[][]::new));
        written.addAll(recs);
        if (reopenEvery > 0 && ++batches % reopenEvery == 0) {
          wal.close();
          wal = Wal.open(dir, options);
          assertThat(wal.repair()).isEmpty();
        }
      }
      // read while the last segment is still open (a live segment), then after close
      assertThat(WalTesting.readAll(dir)).containsExactlyElementsOf(written);
      wal.close();
      assertThat(WalTesting.readAll(dir)).containsExactlyElementsOf(written);
      try (var segments = Files.list(dir)) {
        for (var s : segments.toList()) {
          long size = Files.size(s);
          assertThat(size % PAGE).as("closed segments end on a page boundary: " + s).isZero();
          long largest = sizes.stream().mapToLong(Integer::longValue).max().orElse(0);
          assertThat(size).isLessThanOrEqualTo(Math.max(pagesPerSegment * (long) PAGE,
              (largest / (PAGE - 7) + 1) * PAGE));
        }
      }
      Wal reopened = Wal.open(dir, options);
      assertThat(reopened.repair()).isEmpty();
      reopened.close();
    });
  }

  /** Sizes that hit the interesting places: tiny, around a page's free space, several pages. */
  @Provide
  Arbitrary<List<Integer>> sizes() {
    Arbitrary<Integer> size = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1, 100)),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 5000)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(PAGE - 20, PAGE + 20)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 5 * PAGE)));
    return size.list().ofMinSize(1).ofMaxSize(40);
  }
}
