package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freezes the block format against Prometheus itself: {@code golden.index}, {@code golden.chunks}
 * and {@code golden.meta.json} are what promtool 2.42 wrote for {@code golden.om} ({@code promtool
 * tsdb create-blocks-from openmetrics golden.om out}); cairn must write the same bytes for the same
 * samples (meta.json except the ULID).
 */
class BlockGoldenTest {
  @TempDir Path dir;

  @Test
  void cairnWritesPrometheusBytes() throws IOException {
    BlockMeta meta = writeGolden(dir);
    Path block = dir.resolve(meta.ulid().toString());
    assertSameBytes(Files.readAllBytes(block.resolve("index")), resource("golden.index"), "index");
    assertSameBytes(Files.readAllBytes(block.resolve("chunks/000001")), resource("golden.chunks"), "chunks/000001");
    assertThat(block.resolve("chunks/000002")).doesNotExist();
    String golden = new String(resource("golden.meta.json"), StandardCharsets.UTF_8);
    String goldenUlid = golden.substring(golden.indexOf("\"ulid\": \"") + 9, golden.indexOf("\"ulid\": \"") + 35);
    assertThat(Files.readString(block.resolve("meta.json"))).isEqualTo(golden.replace(goldenUlid, meta.ulid().toString()));
    assertThat(Files.readAllBytes(block.resolve("tombstones"))).containsExactly(HexFormat.of().parseHex("0130ba300100000000"));
  }

  @Test
  void cairnReadsPrometheusBytes() throws IOException {
    Path block = dir.resolve("01M804NDS3CPAH6KM7M2HGH99J");
    Files.createDirectories(block.resolve("chunks"));
    Files.write(block.resolve("index"), resource("golden.index"));
    Files.write(block.resolve("chunks/000001"), resource("golden.chunks"));
    Files.write(block.resolve("meta.json"), resource("golden.meta.json"));
    Files.write(block.resolve("tombstones"), HexFormat.of().parseHex("0130ba300100000000"));
    try (Block b = Block.open(block)) {
      assertThat(b.meta().stats()).isEqualTo(new BlockMeta.Stats(191, 5, 5, 0));
      assertThat(BlockTesting.samples(b, List.of())).isEqualTo(BlockTesting.sorted(goldenSamples()));
    }
  }

  static BlockMeta writeGolden(Path dir) throws IOException {
    return BlockWriter.write(dir, 1700000000000L, 1700003600001L,
        ChunkSeriesBuilder.fromSamples(goldenSamples()).iterator()).orElseThrow();
  }

  static Map<Labels, List<Sample>> goldenSamples() throws IOException {
    return OpenMetricsSamples.parse(new String(resource("golden.om"), StandardCharsets.UTF_8));
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = BlockGoldenTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static void assertSameBytes(byte[] actual, byte[] expected, String what) {
    assertThat(HexFormat.ofDelimiter(" ").formatHex(actual)).as(what).isEqualTo(HexFormat.ofDelimiter(" ").formatHex(expected));
  }
}
