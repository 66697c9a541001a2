package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockWriterTest {
  @TempDir Path dir;

  @Test
  void overlappingChunksAreMergedLaterWinsAndRecutAt120() throws Exception {
    List<Sample> first = new ArrayList<>();
    List<Sample> second = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      first.add(new Sample(i * 10L, 1));
      second.add(new Sample(i * 10L + 5, 2)); // interleaved: overlaps every chunk of the first
    }
    second.set(0, new Sample(0, 3)); // replaces t=5 with t=0, the first source's first timestamp: the later wins
    List<ChunkMeta> chunks = new ArrayList<>(ChunkSeriesBuilder.chunks(first));
    chunks.addAll(ChunkSeriesBuilder.chunks(second));
    Labels l = Labels.of("__name__", "x");
    BlockMeta meta = BlockWriter.write(dir, 0, 10_000, List.of(new ChunkSeries(l, chunks)).iterator()).orElseThrow();
    assertThat(meta.stats().numSamples()).isEqualTo(399);
    assertThat(meta.stats().numChunks()).isEqualTo(4); // 399 samples re-encoded: 120, 120, 120, 39
    try (Block b = Block.open(dir.resolve(meta.ulid().toString()))) {
      List<Sample> got = BlockTesting.samples(b, List.of()).get(l);
      assertThat(got).hasSize(399);
      assertThat(got.getFirst()).isEqualTo(new Sample(0, 3));
      assertThat(got.subList(1, 3)).containsExactly(new Sample(10, 1), new Sample(15, 2));
    }
  }

  @Test
  void samplesOutsideTheRangeAreDroppedAndInsideChunksKeptAsTheyAre() throws Exception {
    Labels a = Labels.of("__name__", "a");
    Labels b = Labels.of("__name__", "b");
    List<ChunkMeta> inside = ChunkSeriesBuilder.chunks(List.of(new Sample(100, 1), new Sample(200, 2)));
    List<ChunkMeta> straddling = ChunkSeriesBuilder.chunks(List.of(new Sample(50, 1), new Sample(150, 2), new Sample(1000, 3)));
    BlockMeta meta = BlockWriter.write(dir, 100, 1000,
        List.of(new ChunkSeries(a, inside), new ChunkSeries(b, straddling)).iterator()).orElseThrow();
    try (Block blk = Block.open(dir.resolve(meta.ulid().toString()))) {
      Map<Labels, List<Sample>> got = BlockTesting.samples(blk, List.of());
      assertThat(got.get(a)).containsExactly(new Sample(100, 1), new Sample(200, 2));
      assertThat(got.get(b)).containsExactly(new Sample(150, 2));
      ChunkSeries sa = blk.select(0, 5000, List.of(io.cairn.tsdb.model.Matcher.equal("__name__", "a"))).getFirst();
      assertThat(sa.chunks().getFirst().chunk().bytes()).isEqualTo(inside.getFirst().chunk().bytes());
    }
  }

  @Test
  void noSamplesNoBlock() throws Exception {
    List<ChunkMeta> outside = ChunkSeriesBuilder.chunks(List.of(new Sample(5000, 1)));
    assertThat(BlockWriter.write(dir, 0, 1000, List.of(new ChunkSeries(Labels.of("a", "b"), outside)).iterator())).isEmpty();
    assertThat(BlockWriter.write(dir, 0, 1000, List.<ChunkSeries>of().iterator())).isEmpty();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws Exception {
    List<ChunkMeta> c = ChunkSeriesBuilder.chunks(List.of(new Sample(1, 1)));
    List<ChunkSeries> unsorted = List.of(new ChunkSeries(Labels.of("a", "2"), c), new ChunkSeries(Labels.of("a", "1"), c));
    assertThatThrownBy(() -> BlockWriter.write(dir, 0, 10, unsorted.iterator()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not after the previous series");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void leftoverTemporaryDirectoriesAreCleaned() throws Exception {
    Files.createDirectories(dir.resolve("01ARZ3NDEKTSV4RRFFQ69G5FAV" + BlockWriter.TMP_SUFFIX + "/chunks"));
    Files.createDirectories(dir.resolve("01ARZ3NDEKTSV4RRFFQ69G5FAW"));
    Block.cleanTemporary(dir);
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("01ARZ3NDEKTSV4RRFFQ69G5FAW");
    }
  }

  @Test
  void chunkSeriesBuilderRefusesUnorderedSamples() {
    assertThatThrownBy(() -> ChunkSeriesBuilder.chunks(List.of(new Sample(2, 1), new Sample(2, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must increase");
    ChunkSeries s = ChunkSeriesBuilder.series(Labels.of("a", "b"), List.of(new Sample(3, 1), new Sample(1, 1), new Sample(3, 2)));
    assertThat(s.chunks()).hasSize(1);
    assertThat(s.chunks().getFirst().minTime()).isEqualTo(1);
    assertThat(s.chunks().getFirst().chunk().numSamples()).isEqualTo(2);
  }
}
