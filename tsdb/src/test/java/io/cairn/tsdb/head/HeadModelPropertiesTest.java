package io.cairn.tsdb.head;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appender;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random appends against a model: per series, a sample is kept iff the head accepted it, the head's
 * answer equals the model, and a replay of the WAL gives the same answer.
 */
class HeadModelPropertiesTest {
  record Op(int series, long t, double v, boolean commit) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.longs().between(0, 40_000),
            Arbitraries.of(0.0, 1.0, -1.5, Double.NaN, 1e300),
            Arbitraries.integers().between(0, 9).map(i -> i != 0))
        .as(Op::new)
        .list()
        .ofMaxSize(400);
  }

  @Property(tries = 60)
  void headMatchesModelAndReplay(@ForAll("ops") List<Op> ops) throws Exception {
    Path dir = Files.createTempDirectory("head-prop");
    HeadOptions o = HeadOptions.defaults().withChunkRange(10_000).withOutOfOrderWindow(3000);
    Map<Labels, TreeMap<Long, Double>> model = new TreeMap<>();
    List<ChunkSeries> before;
    try (Head h = Head.open(dir.resolve("wal"), o, Long.MIN_VALUE)) {
      Appender a = h.appender();
      Map<Labels, TreeMap<Long, Double>> pending = new TreeMap<>();
      for (Op op : ops) {
        Labels l = Labels.of("__name__", "m", "s", Integer.toString(op.series()));
        try {
          a.append(0, l, op.t(), op.v());
          pending.computeIfAbsent(l, x -> new TreeMap<>()).putIfAbsent(op.t(), op.v());
        } catch (AppendException e) {
          // refused: not in the model
        }
        if (op.commit()) {
          a.commit();
          pending.forEach((k, v) -> model.computeIfAbsent(k, x -> new TreeMap<>()).putAll(v));
          pending.clear();
          a = h.appender();
        }
      }
      a.rollback();
      before = h.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of());
      assertMatches(before, model);
    }
    try (Head h = Head.open(dir.resolve("wal"), o, Long.MIN_VALUE)) {
      assertMatches(h.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of()), model);
    }
  }

  private static void assertMatches(List<ChunkSeries> actual, Map<Labels, TreeMap<Long, Double>> model) throws Exception {
    Map<Labels, List<Sample>> got = new TreeMap<>();
    for (ChunkSeries cs : actual) {
      got.put(cs.labels(), SeriesSamples.samples(cs, Long.MIN_VALUE, Long.MAX_VALUE));
    }
    Map<Labels, List<Sample>> want = new TreeMap<>();
    model.forEach((l, m) -> want.put(l, m.entrySet().stream().map(e -> new Sample(e.getKey(), e.getValue())).toList()));
    assertThat(got).isEqualTo(want);
  }
}
