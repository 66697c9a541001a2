package io.cairn.tsdb.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.chunkenc.Appender;
import io.cairn.tsdb.chunkenc.Chunk;
import io.cairn.tsdb.chunkenc.XorChunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkFileRoundTripTest {
  @TempDir Path dir;

  @Property(tries = 40)
  void chunksReadBackByReference(@ForAll long seed, @ForAll @IntRange(min = 64, max = 4096) int segmentSize) throws Exception {
    Random r = new Random(seed);
    Path d = Files.createTempDirectory("chunks");
    try {
      List<List<Chunk>> series = new ArrayList<>();
      List<long[]> refs = new ArrayList<>();
      try (ChunkFileWriter w = ChunkFileWriter.create(d, segmentSize)) {
        for (int s = 0; s < 1 + r.nextInt(20); s++) {
          List<Chunk> cs = new ArrayList<>();
          for (int c = 0; c < r.nextInt(4); c++) {
            cs.add(chunk(r, 1 + r.nextInt(50)));
          }
          series.add(cs);
          refs.add(w.writeChunks(cs));
        }
      }
      try (ChunkFileReader rd = ChunkFileReader.open(d)) {
        for (int s = 0; s < series.size(); s++) {
          for (int c = 0; c < series.get(s).size(); c++) {
            assertThat(rd.chunk(refs.get(s)[c]).bytes()).isEqualTo(series.get(s).get(c).bytes());
          }
        }
        long last = 0;
        for (long[] rs : refs) {
          for (long ref : rs) {
            assertThat(ref).as("references increase").isGreaterThan(last);
            last = ref;
          }
        }
        for (Path p : ChunkSegments.list(d)) {
          assertThat(Files.size(p)).as("segment %s within the size unless one chunk is larger", p)
              .isLessThanOrEqualTo(Math.max(segmentSize, 8 + 5 + 1 + 4 + 1000L));
        }
      }
    } finally {
      for (Path p : ChunkSegments.list(d)) {
        Files.delete(p);
      }
      Files.delete(d);
    }
  }

  @Test
  void layoutIsPrometheusLayout() throws Exception {
    XorChunk c = new XorChunk();
    c.appender().append(1000, 1.0);
    long[] refs;
    try (ChunkFileWriter w = ChunkFileWriter.create(dir)) {
      refs = w.writeChunks(List.of(c));
    }
    assertThat(refs).containsExactly(8L);
    byte[] file = Files.readAllBytes(dir.resolve("000001"));
    assertThat(c.bytes()).hasSize(13); // count, varint t, 64-bit v, and Prometheus's trailing zero byte
    // header, len 13, encoding 1, the chunk, CRC32C over encoding and chunk
    assertThat(HexFormat.of().formatHex(file)).startsWith("85bd40dd01000000" + "0d01" + HexFormat.of().formatHex(c.bytes()));
    assertThat(file).hasSize(8 + 1 + 1 + c.bytes().length + 4);
  }

  @Test
  void segmentsAreCutWhenFull() throws Exception {
    try (ChunkFileWriter w = ChunkFileWriter.create(dir, 100)) {
      long[] a = w.writeChunks(List.of(chunk(new Random(1), 10)));
      long[] b = w.writeChunks(List.of(chunk(new Random(2), 10), chunk(new Random(3), 10)));
      assertThat(a[0] >>> 32).isZero();
      assertThat(b[0] >>> 32).isEqualTo(1);
      assertThat(b[0] & 0xffffffffL).isEqualTo(8);
    }
    assertThat(ChunkSegments.list(dir)).extracting(p -> p.getFileName().toString()).contains("000001", "000002");
  }

  @Test
  void badReferencesAreNamed() throws Exception {
    try (ChunkFileWriter w = ChunkFileWriter.create(dir)) {
      w.writeChunks(List.of(chunk(new Random(1), 3)));
    }
    try (ChunkFileReader rd = ChunkFileReader.open(dir)) {
      assertThatThrownBy(() -> rd.chunk(1L << 32)).isInstanceOf(CorruptChunkFileException.class).hasMessageContaining("names segment 1");
      assertThatThrownBy(() -> rd.chunk(4)).isInstanceOf(CorruptChunkFileException.class).hasMessageContaining("000001");
      assertThatThrownBy(() -> rd.chunk(9)).isInstanceOf(CorruptChunkFileException.class);
    }
  }

  static Chunk chunk(Random r, int samples) {
    XorChunk c = new XorChunk();
    try {
      Appender a = c.appender();
      long t = r.nextInt(1000);
      for (int i = 0; i < samples; i++) {
        a.append(t, r.nextInt(3) == 0 ? r.nextDouble() : i);
        t += 1 + r.nextInt(20_000);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return c;
  }
}
