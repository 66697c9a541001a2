package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactorTest {
  @TempDir Path dir;

  @Test
  void mergesSeriesAcrossBlocksLaterBlockWins() throws Exception {
    Labels x = Labels.of("__name__", "x");
    Labels y = Labels.of("__name__", "y");
    Labels z = Labels.of("__name__", "z");
    BlockMeta m1 = BlockWriter.write(dir, 0, 100, ChunkSeriesBuilder.fromSamples(Map.of(
        x, List.of(new Sample(10, 1), new Sample(50, 1)),
        y, List.of(new Sample(20, 1)))).iterator()).orElseThrow();
    BlockMeta m2 = BlockWriter.write(dir, 50, 200, ChunkSeriesBuilder.fromSamples(Map.of(
        x, List.of(new Sample(50, 2), new Sample(150, 2)),
        z, List.of(new Sample(199, 2)))).iterator()).orElseThrow();
    Compactor compactor = new Compactor(Compactor.exponentialBlockRanges(100, 3, 3));
    try (Block b1 = Block.open(dir.resolve(m1.ulid().toString()));
        Block b2 = Block.open(dir.resolve(m2.ulid().toString()))) {
      assertThat(compactor.plan(List.of(b2, b1))).containsExactly(b1, b2);
      BlockMeta merged = compactor.compact(dir, List.of(b1, b2)).orElseThrow();
      assertThat(merged.minTime()).isZero();
      assertThat(merged.maxTime()).isEqualTo(200);
      assertThat(merged.compaction().level()).isEqualTo(2);
      assertThat(merged.compaction().sources()).containsExactlyElementsOf(
          m1.ulid().compareTo(m2.ulid()) < 0 ? List.of(m1.ulid(), m2.ulid()) : List.of(m2.ulid(), m1.ulid()));
      assertThat(merged.compaction().parents()).containsExactly(
          new BlockMeta.Parent(m1.ulid(), 0, 100), new BlockMeta.Parent(m2.ulid(), 50, 200));
      try (Block m = Block.open(dir.resolve(merged.ulid().toString()))) {
        assertThat(m.meta()).isEqualTo(merged);
        assertThat(BlockTesting.samples(m, List.of())).isEqualTo(Map.of(
            x, List.of(new Sample(10, 1), new Sample(50, 2), new Sample(150, 2)),
            y, List.of(new Sample(20, 1)),
            z, List.of(new Sample(199, 2))));
      }
      // compacting again, second level: level 3, sources stay the level-1 blocks
      try (Block m = Block.open(dir.resolve(merged.ulid().toString()))) {
        BlockMeta again = compactor.compact(dir, List.of(m)).orElseThrow();
        assertThat(again.compaction().level()).isEqualTo(3);
        assertThat(again.compaction().sources()).isEqualTo(merged.compaction().sources());
      }
    }
  }
}
