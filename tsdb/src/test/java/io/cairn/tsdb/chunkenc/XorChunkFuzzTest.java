package io.cairn.tsdb.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.chunkenc.Samples.Raw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Feeds random and mutated bytes to the decoder: it must finish within the promised number of
 * samples with either {@code false} and no error (all samples read) or {@code false} and an error,
 * and never throw. A chunk that decodes must also accept appends after being reopened.
 */
class XorChunkFuzzTest {
  @Property(tries = 2000)
  void randomBytes(@ForAll("randomChunks") byte[] data) {
    checkDecoderSurvives(data);
  }

  @Property(tries = 3000)
  void mutatedChunks(@ForAll("validChunks") byte[] valid, @ForAll long seed) {
    checkDecoderSurvives(mutate(valid, new Random(seed)));
  }

  @Property(tries = 200)
  void tooShortForAHeader(@ForAll("tiny") byte[] data) {
    assertThatThrownBy(() -> XorChunk.fromBytes(data)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void checkDecoderSurvives(byte[] data) {
    XorChunk c = XorChunk.fromBytes(data);
    int promised = c.numSamples();
    ChunkIterator it = c.iterator();
    List<Raw> decoded = new ArrayList<>();
    while (it.next()) {
      decoded.add(Raw.of(it.at()));
      assertThat(decoded.size()).as("samples decoded").isLessThanOrEqualTo(promised);
    }
    assertThat(it.next()).isFalse();
    assertThat(it.seek(Long.MIN_VALUE)).isFalse();
    if (it.err().isPresent()) {
      assertThat(decoded.size()).isLessThan(promised);
      assertThat(it.err().get()).hasMessageStartingWith("corrupt XOR chunk: ");
      if (!decoded.isEmpty()) {
        assertThat(Raw.of(it.at())).isEqualTo(decoded.getLast());
      }
      assertThatThrownBy(c::appender).isInstanceOf(CorruptChunkException.class);
      return;
    }
    assertThat(decoded).hasSize(promised);
    checkSeekAgrees(c, decoded);
    if (promised < Chunk.MAX_SAMPLES) {
      checkAppendAfterReopen(c, decoded);
    }
  }

  private static void checkSeekAgrees(XorChunk c, List<Raw> decoded) {
    ChunkIterator it = c.iterator();
    if (decoded.isEmpty()) {
      assertThat(it.seek(0)).isFalse();
      return;
    }
    assertThat(it.seek(Long.MIN_VALUE)).isTrue();
    assertThat(Raw.of(it.at())).isEqualTo(decoded.getFirst());
  }

  /** Reopening restores the write position exactly, whatever followed the last sample. */
  private static void checkAppendAfterReopen(XorChunk c, List<Raw> decoded) {
    try {
      Appender app = c.appender();
      long t = decoded.isEmpty() ? 0 : decoded.getLast().t() + 1;
      app.append(t, 42.5);
      app.append(t + 7, Double.longBitsToDouble(Samples.STALE_NAN));
    } catch (CorruptChunkException e) {
      throw new AssertionError("a chunk that decoded refused an appender", e);
    }
    List<Raw> after = Samples.decode(c);
    assertThat(after.subList(0, decoded.size())).isEqualTo(decoded);
    assertThat(after.subList(decoded.size(), after.size()))
        .extracting(Raw::bits)
        .containsExactly(Double.doubleToRawLongBits(42.5), Samples.STALE_NAN);
  }

  private static byte[] mutate(byte[] valid, Random r) {
    byte[] b = valid.clone();
    switch (r.nextInt(5)) {
      case 0 -> { // flip a few bits after the header
        for (int i = 0, n = 1 + r.nextInt(4); i < n && b.length > 2; i++) {
          int bit = 16 + r.nextInt((b.length - 2) * 8);
          b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, 2 + r.nextInt(b.length - 1)); // truncate
      case 2 -> { // promise more (or fewer) samples
        int n = r.nextInt(0x10000);
        b[0] = (byte) (n >>> 8);
        b[1] = (byte) n;
      }
      case 3 -> { // trailing garbage
        b = Arrays.copyOf(b, b.length + 1 + r.nextInt(16));
        for (int i = valid.length; i < b.length; i++) {
          b[i] = (byte) r.nextInt(256);
        }
      }
      default -> { // overwrite a byte
        if (b.length > 2) {
          b[2 + r.nextInt(b.length - 2)] = (byte) r.nextInt(256);
        }
      }
    }
    return b;
  }

  @Provide
  Arbitrary<byte[]> randomChunks() {
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(2).ofMaxSize(300);
    // Small sample counts make it likelier that random bytes decode fully.
    Arbitrary<byte[]> fewSamples =
        any.map(
            b -> {
              b[0] = 0;
              b[1] = (byte) (b[1] & 0x07);
              return b;
            });
    return Arbitraries.oneOf(any, fewSamples);
  }

  @Provide
  Arbitrary<byte[]> validChunks() {
    return Arbitraries.oneOf(Generators.increasing(40), Generators.counters(40))
        .map(samples -> Samples.encode(samples).bytes());
  }

  @Provide
  Arbitrary<byte[]> tiny() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(1);
  }
}
