package io.cairn.tsdb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexWriterTest {
  @TempDir Path dir;

  @Test
  void refusesSeriesOutOfOrderAndOverlappingChunks() throws Exception {
    try (IndexWriter w = IndexWriter.create(dir.resolve("index"))) {
      w.addSymbols(List.of("a", "1", "2"));
      w.addSeries(Labels.of("a", "2"), List.of());
      assertThatThrownBy(() -> w.addSeries(Labels.of("a", "1"), List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not after the previous series");
      assertThatThrownBy(() -> w.addSeries(Labels.of("a", "3"), List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the symbol table");
    }
    try (IndexWriter w = IndexWriter.create(dir.resolve("index2"))) {
      w.addSymbols(List.of("a", "1"));
      assertThatThrownBy(() -> w.addSeries(Labels.of("a", "1"), List.of(new SeriesChunk(0, 10, 8), new SeriesChunk(10, 20, 30))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not after the previous chunk's maxTime");
    }
  }

  @Test
  void emptyIndexReadsBackEmpty() throws Exception {
    Path f = dir.resolve("index");
    new IndexWriterCloser(f).run();
    try (IndexReader r = IndexReader.open(f)) {
      assertThat(r.allPostings()).isEmpty();
      assertThat(r.labelNames()).isEmpty();
      assertThat(r.symbolCount()).isEqualTo(1); // ""
    }
  }

  @Test
  void seriesAreSixteenByteAligned() throws Exception {
    Path f = dir.resolve("index");
    try (IndexWriter w = IndexWriter.create(f)) {
      w.addSymbols(List.of("a", "1", "2"));
      int r1 = w.addSeries(Labels.of("a", "1"), List.of(new SeriesChunk(0, 5, 8)));
      int r2 = w.addSeries(Labels.of("a", "2"), List.of());
      assertThat(r2).isGreaterThan(r1);
    }
    try (IndexReader r = IndexReader.open(f)) {
      assertThat(r.postings("a", "1")).hasSize(1);
      assertThat(r.series(r.postings("a", "1")[0]).chunks()).containsExactly(new SeriesChunk(0, 5, 8));
      assertThat(r.labelValues("a")).containsExactly("1", "2");
    }
  }

  @Test
  void wrongMagicAndVersionAreNamed() throws Exception {
    Path f = dir.resolve("index");
    new IndexWriterCloser(f).run();
    byte[] b = Files.readAllBytes(f);
    b[0] = 0;
    assertThatThrownBy(() -> IndexReader.of(b)).isInstanceOf(CorruptIndexException.class).hasMessageContaining("magic number");
    byte[] v = Files.readAllBytes(f);
    v[4] = 1;
    assertThatThrownBy(() -> IndexReader.of(v)).isInstanceOf(CorruptIndexException.class).hasMessageContaining("version is 1");
  }

  private record IndexWriterCloser(Path f) {
    void run() throws Exception {
      IndexWriter.create(f).close();
    }
  }
}
