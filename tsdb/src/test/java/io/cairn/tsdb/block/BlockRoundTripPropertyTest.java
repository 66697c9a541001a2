package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random series, some with overlapping chunks from two "sources", written and read back: the block
 * holds exactly the merged samples inside its range (later source winning), and every matcher
 * combination selects what filtering the labels directly selects.
 */
class BlockRoundTripPropertyTest {
  private static final String[] VALUES = {"a", "b", "c", "ab", "zürich", "x y"};
  private static final long MINT = 1_000_000;
  private static final long MAXT = 1_500_000;

  @Property(tries = 40)
  void writeThenQuery(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n) throws Exception {
    Random r = new Random(seed);
    Map<Labels, List<ChunkMeta>> chunks = new TreeMap<>();
    Map<Labels, Map<Long, Sample>> expected = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Labels.Builder b = Labels.builder().set("__name__", "m" + r.nextInt(3));
      for (String name : List.of("job", "env", "le")) {
        if (r.nextBoolean()) {
          b.set(name, VALUES[r.nextInt(VALUES.length)]);
        }
      }
      Labels l = b.build();
      List<ChunkMeta> cs = chunks.computeIfAbsent(l, k -> new ArrayList<>());
      Map<Long, Sample> want = expected.computeIfAbsent(l, k -> new TreeMap<>());
      List<Sample> samples = new ArrayList<>();
      long t = MINT - 50_000 + r.nextInt(200_000);
      for (int j = 0; j < r.nextInt(400); j++) {
        samples.add(new Sample(t, r.nextInt(4) == 0 ? Double.NaN : r.nextInt(1000) / 8.0));
        t += 1 + r.nextInt(5_000);
      }
      cs.addAll(ChunkSeriesBuilder.chunks(samples)); // a later source for the same labels wins
      samples.stream().filter(s -> s.t() >= MINT && s.t() < MAXT).forEach(s -> want.put(s.t(), s));
    }
    Path dir = Files.createTempDirectory("blocks");
    try {
      List<ChunkSeries> series = new ArrayList<>();
      chunks.forEach((l, c) -> series.add(new ChunkSeries(l, c)));
      var meta = BlockWriter.write(dir, MINT, MAXT, series.iterator());
      Map<Labels, List<Sample>> want = new TreeMap<>();
      expected.forEach((l, m) -> {
        if (!m.isEmpty()) {
          want.put(l, List.copyOf(m.values()));
        }
      });
      if (want.isEmpty()) {
        assertThat(meta).isEmpty();
        return;
      }
      try (Block b = Block.open(dir.resolve(meta.orElseThrow().ulid().toString()))) {
        assertThat(b.meta().stats().numSeries()).isEqualTo(want.size());
        assertThat(b.meta().stats().numSamples()).isEqualTo(want.values().stream().mapToLong(List::size).sum());
        assertThat(BlockTesting.samples(b, List.of())).isEqualTo(want);
        for (ChunkSeries s : b.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of())) {
          for (int i = 0; i < s.chunks().size(); i++) {
            assertThat(s.chunks().get(i).chunk().numSamples()).isLessThanOrEqualTo(ChunkSeriesBuilder.MAX_SAMPLES_PER_CHUNK);
            if (i > 0) {
              assertThat(s.chunks().get(i).minTime()).isGreaterThan(s.chunks().get(i - 1).maxTime());
            }
          }
        }
        for (int q = 0; q < 20; q++) {
          List<Matcher> ms = randomMatchers(r);
          Map<Labels, List<Sample>> filtered = new TreeMap<>();
          want.forEach((l, s) -> {
            if (ms.stream().allMatch(m -> m.matches(l))) {
              filtered.put(l, s);
            }
          });
          if (ms.isEmpty()) {
            filtered.putAll(want);
          }
          assertThat(BlockTesting.samples(b, ms)).as("%s", ms).isEqualTo(filtered);
        }
        List<String> names = new ArrayList<>(want.keySet().stream().flatMap(Labels::stream).map(x -> x.name()).distinct().sorted().toList());
        assertThat(b.labelNames(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(names);
        assertThat(b.labelValues("__name__", MINT, MINT)).isEqualTo(
            want.keySet().stream().map(Labels::metricName).distinct().sorted().toList());
        assertThat(b.select(MAXT, Long.MAX_VALUE, List.of())).isEmpty();
        assertThat(b.labelNames(0, MINT - 1)).isEmpty();
      }
    } finally {
      BlockFiles.deleteTree(dir);
    }
  }

  private static List<Matcher> randomMatchers(Random r) {
    List<Matcher> out = new ArrayList<>();
    String[] names = {"__name__", "job", "env", "le", "absent"};
    String[] values = {"", "a", "b", "m1", "zürich", "a.*", ".*", ".+", "a|b", "m[01]"};
    for (int i = 0; i < r.nextInt(4); i++) {
      Matcher.Type type = Matcher.Type.values()[r.nextInt(4)];
      out.add(Matcher.of(type, names[r.nextInt(names.length)], values[r.nextInt(values.length)]));
    }
    return out;
  }

}
