package io.cairn.tsdb.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.chunkenc.Samples.Raw;
import io.cairn.tsdb.model.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Freezes the XOR chunk format: the chunks in {@code xor-chunks.golden} (whose header says where
 * each one's bytes come from) must come out of the encoder byte for byte and decode to their samples.
 */
class XorChunkGoldenTest {
  private static final String RESOURCE = "xor-chunks.golden";

  record Golden(String name, int reopenAfter, List<Raw> samples, String hex) {}

  @TestFactory
  Stream<DynamicTest> encoderWritesTheGoldenBytes() throws IOException {
    return load().stream()
        .map(g -> DynamicTest.dynamicTest(g.name(), () -> assertThat(Samples.hex(encode(g))).isEqualTo(g.hex())));
  }

  @TestFactory
  Stream<DynamicTest> goldenBytesDecodeToTheirSamples() throws IOException {
    return load().stream()
        .map(
            g ->
                DynamicTest.dynamicTest(
                    g.name(),
                    () -> {
                      XorChunk c = XorChunk.fromBytes(HexFormat.of().parseHex(g.hex()));
                      assertThat(c.numSamples()).isEqualTo(g.samples().size());
                      assertThat(Samples.decode(c)).isEqualTo(g.samples());
                    }));
  }

  @Test
  void theGoldenFileHoldsTheHandDerivedChunks() throws IOException {
    assertThat(load())
        .extracting(Golden::name)
        .contains("one-sample", "two-samples", "three-samples", "four-samples", "special-values",
            "dod-buckets", "reopened-after-one");
  }

  private static byte[] encode(Golden g) throws CorruptChunkException {
    List<Sample> samples = g.samples().stream().map(Raw::sample).toList();
    if (g.reopenAfter() < 0) {
      return Samples.encode(samples).bytes();
    }
    byte[] head = Samples.encode(samples.subList(0, g.reopenAfter())).bytes();
    XorChunk reopened = XorChunk.fromBytes(head);
    Appender app = reopened.appender();
    for (Sample s : samples.subList(g.reopenAfter(), samples.size())) {
      app.append(s.t(), s.v());
    }
    return reopened.bytes();
  }

  static List<Golden> load() throws IOException {
    List<String> lines;
    try (InputStream in = XorChunkGoldenTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    List<Golden> out = new ArrayList<>();
    String name = null;
    int reopenAfter = -1;
    List<Raw> samples = new ArrayList<>();
    StringBuilder hex = new StringBuilder();
    for (String line : lines) {
      String[] f = line.strip().split("\\s+", 2);
      switch (f[0]) {
        case "chunk" -> name = f[1];
        case "reopen-after" -> reopenAfter = Integer.parseInt(f[1]);
        case "sample" -> {
          String[] tv = f[1].split("\\s+");
          samples.add(new Raw(Long.parseLong(tv[0]), Long.parseUnsignedLong(tv[1], 16)));
        }
        case "hex" -> hex.append(f[1].replace(" ", ""));
        case "end" -> {
          out.add(new Golden(name, reopenAfter, List.copyOf(samples), hex.toString()));
          name = null;
          reopenAfter = -1;
          samples.clear();
          hex.setLength(0);
        }
        default -> {} // comments, "origin", blank lines
      }
    }
    assertThat(name).as("unterminated block in " + RESOURCE).isNull();
    return out;
  }
}
