package io.cairn.tsdb.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Sample;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: encode and decode sample lists, compare values by their exact bits. */
final class Samples {
  static final long STALE_NAN = Sample.STALE_NAN_BITS;

  /** A sample with its value as raw bits, so that assertions tell every NaN apart. */
  record Raw(long t, long bits) {
    static Raw of(Sample s) {
      return new Raw(s.t(), s.valueBits());
    }

    Sample sample() {
      return new Sample(t, Double.longBitsToDouble(bits));
    }

    @Override
    public String toString() {
      return t + "=" + Double.longBitsToDouble(bits) + "(0x" + Long.toHexString(bits) + ")";
    }
  }

  private Samples() {}

  static XorChunk encode(List<Sample> samples) {
    XorChunk c = new XorChunk();
    appendAll(c, samples);
    return c;
  }

  static void appendAll(Chunk c, List<Sample> samples) {
    try {
      Appender app = c.appender();
      for (Sample s : samples) {
        app.append(s.t(), s.v());
      }
    } catch (CorruptChunkException e) {
      throw new AssertionError("chunk under test did not decode", e);
    }
  }

  /** Every sample of a chunk that must decode without error. */
  static List<Raw> decode(Chunk c) {
    List<Raw> out = new ArrayList<>();
    ChunkIterator it = c.iterator();
    while (it.next()) {
      out.add(new Raw(it.atT(), Double.doubleToRawLongBits(it.atV())));
      assertThat(Raw.of(it.at())).isEqualTo(out.getLast());
    }
    assertThat(it.err()).as("decoding error").isEmpty();
    assertThat(it.next()).as("next() after the end").isFalse();
    return out;
  }

  static List<Raw> raw(List<Sample> samples) {
    return samples.stream().map(Raw::of).toList();
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** Whether the encoder has chosen a value window within the first {@code k} samples. */
  static boolean windowChosen(List<Sample> samples, int k) {
    for (int i = 1; i < k; i++) {
      if (samples.get(i).valueBits() != samples.get(i - 1).valueBits()) {
        return true;
      }
    }
    return false;
  }
}
