package io.cairn.tsdb.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link BitWriter} reproduces Prometheus's bstream; {@link BitReader} reads it back, bounded. */
class BitStreamTest {
  record Field(long value, int bits) {}

  @Test
  void writeByteOnABoundaryLeavesAnEmptyByteAsPrometheus242Does() {
    BitWriter w = BitWriter.withHeader(0, 4);
    w.writeByte(0xab);
    assertThat(Samples.hex(w.toByteArray())).isEqualTo("ab00");
    assertThat(w.bitLength()).isEqualTo(8);
    w.writeBit(true); // goes into the empty byte
    assertThat(Samples.hex(w.toByteArray())).isEqualTo("ab80");

    BitWriter bits = BitWriter.withHeader(0, 4);
    for (int i = 0; i < 8; i++) {
      bits.writeBit(((0xab >>> (7 - i)) & 1) != 0);
    }
    assertThat(Samples.hex(bits.toByteArray())).as("bit by bit: no extra byte").isEqualTo("ab");

    BitWriter straddling = BitWriter.withHeader(0, 4);
    straddling.writeBits(0b101, 3);
    straddling.writeByte(0xff);
    assertThat(Samples.hex(straddling.toByteArray())).isEqualTo("bfe0");
  }

  @Test
  void varintsAsGoWritesThem() {
    assertThat(uvarint(0)).isEqualTo("0000"); // writeByte leaves its empty byte
    assertThat(uvarint(300)).isEqualTo("ac0200");
    assertThat(uvarint(-1L)).isEqualTo("ffffffffffffffffff0100"); // 2^64 - 1: ten bytes
    BitWriter w = BitWriter.withHeader(0, 4);
    w.writeVarint(-1);
    w.writeVarint(1);
    w.writeVarint(Long.MIN_VALUE);
    BitReader r = new BitReader(w.array(), 0, w.length());
    assertThat(r.readVarint()).isEqualTo(-1);
    assertThat(r.readVarint()).isEqualTo(1);
    assertThat(r.readVarint()).isEqualTo(Long.MIN_VALUE);
    assertThat(r.failed()).isFalse();
  }

  @Test
  void readingPastTheEndFailsAndStaysFailed() {
    byte[] b = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
    BitReader r = new BitReader(b, 1, 2); // only the middle byte
    assertThat(r.readBits(7)).isEqualTo(0x7f);
    assertThat(r.readBits(2)).isZero();
    assertThat(r.failed()).isTrue();
    assertThat(r.failure()).isEqualTo("unexpected end of data");
    assertThat(r.readBit()).isFalse(); // one bit was left, but the reader has failed
    assertThat(r.position()).isEqualTo(15);
  }

  @Property(tries = 500)
  void whatIsWrittenReadsBack(@ForAll("fields") List<Field> fields) {
    BitWriter w = BitWriter.withHeader(2, 1);
    long total = 16;
    for (Field f : fields) {
      if (f.bits() == 1) {
        w.writeBit((f.value() & 1) != 0);
      } else {
        w.writeBits(f.value(), f.bits());
      }
      total += f.bits();
    }
    assertThat(w.bitLength()).isEqualTo(total);
    assertThat(w.length()).isBetween((int) ((total + 7) / 8), (int) (total / 8 + 1));
    BitReader r = new BitReader(w.toByteArray(), 2, w.length());
    for (Field f : fields) {
      long expected = f.bits() == 64 ? f.value() : f.value() & ((1L << f.bits()) - 1);
      long got = f.bits() == 1 ? (r.readBit() ? 1 : 0) : r.readBits(f.bits());
      assertThat(got).isEqualTo(expected);
    }
    assertThat(r.failed()).isFalse();
    assertThat(r.position()).isEqualTo(total);
  }

  @Provide
  Arbitrary<List<Field>> fields() {
    Arbitrary<Field> field =
        Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 64)).as(Field::new);
    return field.list().ofMaxSize(60);
  }

  private static String uvarint(long x) {
    BitWriter w = BitWriter.withHeader(0, 1);
    w.writeUvarint(x);
    return Samples.hex(w.toByteArray());
  }
}
