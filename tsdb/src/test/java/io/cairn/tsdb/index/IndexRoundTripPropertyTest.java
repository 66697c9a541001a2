package io.cairn.tsdb.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random series (labels from small alphabets, unicode included) and chunk metas survive a write and read. */
class IndexRoundTripPropertyTest {
  private static final String[] NAMES = {"__name__", "job", "instance", "a", "zone", "ünï", "le", "x_y"};
  private static final String[] VALUES = {"up", "1", "api", "a:1", "zürich", "日本", "😀", "\uE000", "with space", "\"q\"", "0.5", "+Inf"};

  @Property(tries = 60)
  void writeThenRead(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int n) throws Exception {
    Random r = new Random(seed);
    TreeMap<Labels, List<SeriesChunk>> series = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Labels.Builder b = Labels.builder();
      int labels = 1 + r.nextInt(4);
      for (int j = 0; j < labels; j++) {
        b.set(NAMES[r.nextInt(NAMES.length)], VALUES[r.nextInt(VALUES.length)]);
      }
      series.put(b.build(), chunks(r));
    }
    Path dir = Files.createTempDirectory("index");
    Path file = dir.resolve("index");
    try {
      Set<String> symbols = new HashSet<>();
      try (IndexWriter w = IndexWriter.create(file)) {
        series.keySet().forEach(l -> l.forEach(x -> {
          symbols.add(x.name());
          symbols.add(x.value());
        }));
        w.addSymbols(symbols);
        for (var e : series.entrySet()) {
          w.addSeries(e.getKey(), e.getValue());
        }
      }
      try (IndexReader ir = IndexReader.open(file)) {
        TreeSet<String> wantSymbols = new TreeSet<>(Symbols.ORDER);
        wantSymbols.addAll(symbols);
        wantSymbols.add("");
        List<String> gotSymbols = new ArrayList<>();
        for (int i = 0; i < ir.symbolCount(); i++) {
          gotSymbols.add(ir.symbol(i));
        }
        assertThat(gotSymbols).containsExactlyElementsOf(wantSymbols);

        int[] all = ir.allPostings();
        assertThat(all).hasSize(series.size());
        List<Labels> order = new ArrayList<>(series.keySet());
        Map<Label, List<Integer>> byPair = new TreeMap<>((x, y) -> x.name().equals(y.name())
            ? x.value().compareTo(y.value()) : x.name().compareTo(y.name()));
        for (int i = 0; i < all.length; i++) {
          IndexSeries s = ir.series(all[i]);
          assertThat((Object) s.labels()).isEqualTo(order.get(i));
          assertThat(s.chunks()).isEqualTo(series.get(order.get(i)));
          for (Label l : s.labels()) {
            byPair.computeIfAbsent(l, k -> new ArrayList<>()).add(all[i]);
          }
        }
        TreeSet<String> names = new TreeSet<>(Symbols.ORDER);
        byPair.keySet().forEach(l -> names.add(l.name()));
        assertThat(ir.labelNames()).containsExactlyElementsOf(names);
        for (String name : names) {
          TreeSet<String> values = new TreeSet<>(Symbols.ORDER);
          byPair.keySet().stream().filter(l -> l.name().equals(name)).forEach(l -> values.add(l.value()));
          assertThat(ir.labelValues(name)).containsExactlyElementsOf(values);
        }
        byPair.forEach((l, refs) -> {
          try {
            assertThat(ir.postings(l.name(), l.value())).containsExactly(refs.stream().mapToInt(Integer::intValue).toArray());
          } catch (CorruptIndexException e) {
            throw new AssertionError(e);
          }
        });
        assertThat(ir.postings("nope", "x")).isEmpty();
      }
    } finally {
      Files.deleteIfExists(file);
      Files.delete(dir);
    }
  }

  static List<SeriesChunk> chunks(Random r) {
    List<SeriesChunk> out = new ArrayList<>();
    long t = r.nextBoolean() ? r.nextLong() >> 2 : r.nextInt(1000) - 500;
    long ref = 8 + r.nextInt(100);
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      long len = r.nextInt(3) == 0 ? 0 : r.nextInt(1 << 20);
      out.add(new SeriesChunk(t, t + len, ref));
      t += len + 1 + r.nextInt(10_000);
      ref += 20 + r.nextInt(1000) + (r.nextInt(10) == 0 ? (1L << 32) : 0);
    }
    return out;
  }
}
