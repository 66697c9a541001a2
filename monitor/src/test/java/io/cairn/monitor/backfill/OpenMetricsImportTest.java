package io.cairn.monitor.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.block.Block;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.SeriesSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMetricsImportTest {
  @TempDir Path dir;

  @Test
  void samplesGoToAlignedBlocksInAnyOrderLaterLineWinning() throws Exception {
    Path in = dir.resolve("in.om");
    Files.writeString(in, "m{a=\"1\"} 2 7300\nm{a=\"1\"} 1 10\nm{a=\"1\"} 3 10\n# EOF\n");
    OpenMetricsImport.Result r = OpenMetricsImport.run(in, dir.resolve("out"), 7_200_000);
    assertThat(r.blocks()).extracting(b -> b.minTime()).containsExactly(0L, 7_200_000L);
    assertThat(r.samples()).isEqualTo(2);
    try (Block b = Block.open(dir.resolve("out").resolve(r.blocks().getFirst().ulid().toString()))) {
      var s = b.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of(Matcher.equal("a", "1")));
      assertThat(SeriesSamples.samples(s.getFirst(), Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(new Sample(10_000, 3));
    }
  }

  @Test
  void refusesSamplesWithoutTimestampsAndBadInput() throws Exception {
    Path in = dir.resolve("in.om");
    Files.writeString(in, "m 1\n# EOF\n");
    assertThatThrownBy(() -> OpenMetricsImport.run(in, dir.resolve("out"), 7_200_000))
        .isInstanceOf(OpenMetricsImport.ImportException.class).hasMessageContaining("has no timestamp");
    Files.writeString(in, "m{ 1 2\n");
    assertThatThrownBy(() -> OpenMetricsImport.run(in, dir.resolve("out"), 7_200_000))
        .isInstanceOf(OpenMetricsImport.ImportException.class).hasMessageContaining("parsing");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
