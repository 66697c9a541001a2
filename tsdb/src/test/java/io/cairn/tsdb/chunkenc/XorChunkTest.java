package io.cairn.tsdb.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.chunkenc.Samples.Raw;
import io.cairn.tsdb.model.Sample;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contracts of {@link XorChunk}, its appender and its iterator, case by case. */
class XorChunkTest {
  private static final List<Sample> THREE =
      List.of(new Sample(1000, 1.0), new Sample(16000, 2.0), new Sample(31000, 2.5));

  @Test
  void emptyChunk() {
    XorChunk c = new XorChunk();
    assertThat(c.numSamples()).isZero();
    assertThat(c.bytes()).containsExactly(0, 0);
    ChunkIterator it = c.iterator();
    assertThat(it.next()).isFalse();
    assertThat(it.seek(0)).isFalse();
    assertThat(it.err()).isEmpty();
    assertThat(it.at()).isEqualTo(new Sample(Long.MIN_VALUE, 0.0));
  }

  @Test
  void specialValuesKeepTheirBits() {
    double stale = Double.longBitsToDouble(Samples.STALE_NAN);
    double payloadNan = Double.longBitsToDouble(0xfff8_0000_dead_beefL);
    List<Sample> in =
        List.of(new Sample(1, stale), new Sample(2, Double.NaN), new Sample(3, payloadNan),
            new Sample(4, -0.0), new Sample(5, 0.0), new Sample(6, Double.NEGATIVE_INFINITY),
            new Sample(7, stale), new Sample(8, Double.POSITIVE_INFINITY));
    List<Raw> out = Samples.decode(XorChunk.fromBytes(Samples.encode(in).bytes()));
    assertThat(out).isEqualTo(Samples.raw(in));
    assertThat(out.getFirst().sample().isStale()).isTrue();
    assertThat(out.get(1).sample().isStale()).isFalse();
  }

  @Test
  void iteratorSeesTheSamplesPresentWhenItWasCreated() throws CorruptChunkException {
    XorChunk c = new XorChunk();
    Appender app = c.appender();
    app.append(1000, 1.0);
    app.append(2000, 2.0);
    ChunkIterator it = c.iterator();
    assertThat(it.next()).isTrue();
    for (int i = 3; i < 200; i++) { // appends grow and reallocate the buffer under the iterator
      app.append(i * 1000L, i);
    }
    assertThat(it.next()).isTrue();
    assertThat(it.at()).isEqualTo(new Sample(2000, 2.0));
    assertThat(it.next()).isFalse();
    assertThat(it.err()).isEmpty();
    assertThat(Samples.decode(c)).hasSize(199);
  }

  @Test
  void aNewerAppenderInvalidatesTheOlderOne() throws CorruptChunkException {
    XorChunk c = new XorChunk();
    Appender first = c.appender();
    first.append(1, 1);
    Appender second = c.appender();
    assertThatThrownBy(() -> first.append(2, 2)).isInstanceOf(IllegalStateException.class);
    second.append(2, 2);
    assertThat(Samples.decode(c)).containsExactly(new Raw(1, bits(1)), new Raw(2, bits(2)));
  }

  @Test
  void aChunkHoldsAtMost65535Samples() throws CorruptChunkException {
    XorChunk c = new XorChunk();
    Appender app = c.appender();
    for (int i = 0; i < Chunk.MAX_SAMPLES; i++) {
      app.append(i * 15_000L, i % 7);
    }
    assertThat(c.numSamples()).isEqualTo(65535);
    assertThatThrownBy(() -> app.append(Long.MAX_VALUE, 0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("full");
    assertThat(Samples.decode(c)).hasSize(65535);
  }

  @Test
  void truncatedChunkReportsAnErrorAndKeepsTheLastGoodSample() {
    byte[] whole = Samples.encode(THREE).bytes();
    XorChunk c = XorChunk.fromBytes(Arrays.copyOf(whole, 14)); // the 2nd sample's value is cut
    ChunkIterator it = c.iterator();
    assertThat(it.next()).isTrue();
    assertThat(it.next()).isFalse();
    assertThat(it.err().orElseThrow())
        .hasMessage("corrupt XOR chunk: unexpected end of data in sample 2 of 3 (at bit 96 of 96 after the header)");
    assertThat(it.at()).isEqualTo(new Sample(1000, 1.0));
    assertThat(it.next()).isFalse();
    assertThat(it.seek(0)).isFalse();
    assertThatThrownBy(c::appender).isInstanceOf(CorruptChunkException.class).hasMessageContaining("sample 2 of 3");
  }

  @Test
  void aWindowWiderThan64BitsIsCorrupt() {
    BitWriter w = BitWriter.withHeader(2, 16);
    w.putShort(0, 2);
    w.writeVarint(0);
    w.writeBits(bits(1.0), 64);
    w.writeUvarint(1);
    w.writeBit(true); // value changed
    w.writeBit(true); // new window
    w.writeBits(31, 5); // leading zeros
    w.writeBits(63, 6); // significant bits: 31 + 63 > 64
    w.writeBits(-1L, 63);
    ChunkIterator it = XorChunk.fromBytes(w.toByteArray()).iterator();
    assertThat(it.next()).isTrue();
    assertThat(it.next()).isFalse();
    assertThat(it.err().orElseThrow())
        .hasMessageContainingAll("window of 31 leading zeros and 63 significant bits", "sample 2 of 2");
  }

  @Test
  void anOverlongVarintIsCorrupt() {
    byte[] b = new byte[2 + 11 + 8];
    b[1] = 1;
    Arrays.fill(b, 2, 13, (byte) 0xff);
    ChunkIterator it = XorChunk.fromBytes(b).iterator();
    assertThat(it.next()).isFalse();
    assertThat(it.err().orElseThrow()).hasMessageContaining("varint overflows 64 bits");
  }

  @Test
  void seekNeverMovesBackwardsAndEndsAtTheEnd() {
    ChunkIterator it = Samples.encode(THREE).iterator();
    assertThat(it.seek(15_000)).isTrue();
    assertThat(it.atT()).isEqualTo(16000);
    assertThat(it.seek(0)).isTrue();
    assertThat(it.atT()).isEqualTo(16000);
    assertThat(it.seek(16000)).isTrue();
    assertThat(it.atT()).isEqualTo(16000);
    assertThat(it.seek(31001)).isFalse();
    assertThat(it.seek(0)).as("finished").isFalse();
    assertThat(it.err()).isEmpty();
  }

  @Test
  void reopeningDropsWhatFollowsTheLastSample() throws CorruptChunkException {
    List<Sample> four =
        List.of(new Sample(1000, 1.0), new Sample(16000, 2.0), new Sample(31000, 2.0), new Sample(46001, 3.5));
    byte[] three = Samples.encode(four.subList(0, 3)).bytes(); // 18 bytes; 6 bits of the last are free
    byte[] dirty = Arrays.copyOf(three, three.length + 5);
    dirty[three.length - 1] |= 0x3f; // garbage in the free bits
    Arrays.fill(dirty, three.length, dirty.length, (byte) 0xa5); // and after them
    XorChunk c = XorChunk.fromBytes(dirty);
    assertThat(Samples.decode(c)).isEqualTo(Samples.raw(four.subList(0, 3)));
    c.appender().append(46001, 3.5);
    assertThat(Samples.hex(c.bytes())).isEqualTo(Samples.hex(Samples.encode(four).bytes()));
  }

  @Test
  void reopenedAfterOneSampleWritesAFull64BitWindowAsPrometheusDoes() throws CorruptChunkException {
    XorChunk fresh = Samples.encode(THREE.subList(0, 2));
    XorChunk reopened = XorChunk.fromBytes(Samples.encode(THREE.subList(0, 1)).bytes());
    reopened.appender().append(16000, 2.0);
    // Fresh: '1' changed, '1' new window, 5 + 6 bits, 11 significant bits. Reopened: the decoder's
    // (0, 0) window, so '1' changed, '0' same window, all 64 bits. Both decode the same.
    assertThat(Samples.hex(fresh.bytes())).isEqualTo("0002d00f3ff00000000000009875c25fff");
    assertThat(Samples.hex(reopened.bytes())).isEqualTo("0002d00f3ff00000000000009875" + "9ffc000000000000" + "00");
    assertThat(Samples.decode(reopened)).isEqualTo(Samples.decode(fresh));
  }

  @Test
  void encodings() {
    assertThat(Encoding.XOR.code()).isEqualTo(1);
    assertThat(Encoding.ofCode(1)).contains(Encoding.XOR);
    assertThat(Encoding.ofCode(0)).contains(Encoding.NONE);
    assertThat(Encoding.ofCode(2)).isEmpty();
    assertThat(Encoding.XOR).hasToString("XOR");
    assertThatThrownBy(() -> Chunk.fromBytes(Encoding.NONE, new byte[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }
}
