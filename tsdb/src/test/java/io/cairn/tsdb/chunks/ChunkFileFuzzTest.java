package io.cairn.tsdb.chunks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.chunkenc.Chunk;
import io.cairn.tsdb.chunkenc.ChunkIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Damaged segments and wild references: a chunk or CorruptChunkFileException, nothing else. */
class ChunkFileFuzzTest {
  @Property(tries = 500)
  void mutatedSegment(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int mutations) {
    Random r = new Random(seed);
    long[] offsets = new long[3];
    byte[] b = build(r, offsets);
    for (int i = 0; i < mutations; i++) {
      b[r.nextInt(b.length)] = (byte) r.nextInt(256);
    }
    b = Arrays.copyOf(b, r.nextInt(6) == 0 ? r.nextInt(b.length + 1) : b.length);
    long[] refs = {offsets[0], offsets[1], offsets[2], r.nextLong(), r.nextInt(b.length + 10), (1L << 32) | 8};
    read(List.of(b), refs);
  }

  @Property(tries = 200)
  void garbage(@ForAll @Size(max = 200) byte[] b, @ForAll long ref) {
    read(List.of(b), new long[] {ref, 8, ref & 0xff});
  }

  private static byte[] build(Random r, long[] offsets) {
    try {
      java.nio.file.Path d = java.nio.file.Files.createTempDirectory("chunk-fuzz");
      try (ChunkFileWriter w = ChunkFileWriter.create(d)) {
        long[] refs = w.writeChunks(List.of(ChunkFileRoundTripTest.chunk(r, 5), ChunkFileRoundTripTest.chunk(r, 40),
            ChunkFileRoundTripTest.chunk(r, 120)));
        System.arraycopy(refs, 0, offsets, 0, 3);
      }
      byte[] b = java.nio.file.Files.readAllBytes(d.resolve("000001"));
      java.nio.file.Files.delete(d.resolve("000001"));
      java.nio.file.Files.delete(d);
      return b;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void read(List<byte[]> segments, long[] refs) {
    try (ChunkFileReader rd = ChunkFileReader.of(segments)) {
      for (long ref : refs) {
        try {
          Chunk c = rd.chunk(ref);
          ChunkIterator it = c.iterator();
          int n = 0;
          while (it.next()) {
            n++;
          }
          assertThat(n).isLessThanOrEqualTo(c.numSamples());
        } catch (CorruptChunkFileException e) {
          assertThat(e.getMessage()).contains("corrupt chunk file");
        }
      }
    } catch (CorruptChunkFileException e) {
      assertThat(e.offset()).isGreaterThanOrEqualTo(0);
    }
  }
}
