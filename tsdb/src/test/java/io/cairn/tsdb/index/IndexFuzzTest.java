package io.cairn.tsdb.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Damaged index files: opening and then reading everything reachable either works or throws
 * CorruptIndexException; nothing else escapes and every call terminates.
 */
class IndexFuzzTest {
  private static final byte[] VALID = validIndex();

  @Property(tries = 400)
  void mutatedIndex(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    Random r = new Random(seed);
    byte[] b = VALID.clone();
    for (int i = 0; i < mutations; i++) {
      int pos = r.nextInt(b.length);
      b[pos] = switch (r.nextInt(3)) {
        case 0 -> (byte) r.nextInt(256);
        case 1 -> (byte) 0xff;
        default -> (byte) (b[pos] ^ (1 << r.nextInt(8)));
      };
    }
    int cut = r.nextInt(5) == 0 ? r.nextInt(b.length + 1) : b.length;
    readEverything(Arrays.copyOf(b, cut));
  }

  @Property(tries = 200)
  void garbage(@ForAll @Size(max = 300) byte[] b) {
    readEverything(b);
  }

  /** Garbage behind a valid header and TOC checksum is the interesting case: offsets point anywhere. */
  @Property(tries = 300)
  void validTocPointingAnywhere(@ForAll long seed) {
    Random r = new Random(seed);
    byte[] b = VALID.clone();
    Encbuf toc = new Encbuf(64);
    long[] offs = new long[6];
    for (int i = 0; i < 6; i++) {
      offs[i] = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(b.length);
    }
    new Toc(offs[0], offs[1], offs[2], offs[3], offs[4], offs[5]).encode(toc);
    System.arraycopy(toc.toByteArray(), 0, b, b.length - Toc.LENGTH, Toc.LENGTH);
    readEverything(b);
  }

  private static void readEverything(byte[] b) {
    try (IndexReader ir = IndexReader.of(b)) {
      for (int i = 0; i < ir.symbolCount(); i++) {
        ir.symbol(i);
      }
      for (int ref : ir.allPostings()) {
        ir.series(ref);
      }
      for (String n : ir.labelNames()) {
        for (String v : ir.labelValues(n)) {
          ir.postings(n, v);
        }
      }
      for (int ref = 0; ref < b.length / 16; ref++) {
        try {
          ir.series(ref);
        } catch (CorruptIndexException expected) {
          assertThat(expected.getMessage()).contains("corrupt index");
        }
      }
    } catch (CorruptIndexException e) {
      assertThat(e.section()).isNotEmpty();
      assertThat(e.getMessage()).contains("at byte");
    }
  }

  private static byte[] validIndex() {
    try {
      Path dir = Files.createTempDirectory("index-fuzz");
      Path file = dir.resolve("index");
      Random r = new Random(1);
      TreeMap<Labels, List<SeriesChunk>> series = new TreeMap<>();
      for (int i = 0; i < 12; i++) {
        series.put(Labels.of("__name__", "m" + (i % 3), "i", "v" + i, "z", i % 2 == 0 ? "ä" : "b"),
            IndexRoundTripPropertyTest.chunks(r));
      }
      Set<String> symbols = new HashSet<>();
      series.keySet().forEach(l -> l.forEach(x -> {
        symbols.add(x.name());
        symbols.add(x.value());
      }));
      try (IndexWriter w = IndexWriter.create(file)) {
        w.addSymbols(symbols);
        for (var e : series.entrySet()) {
          w.addSeries(e.getKey(), e.getValue());
        }
      }
      byte[] out = Files.readAllBytes(file);
      Files.delete(file);
      Files.delete(dir);
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
