package io.cairn.tsdb.wal;

import static io.cairn.tsdb.wal.WalGoldenTest.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
  @Test
  void unknownTypesAreRefusedByName() {
    assertThatThrownBy(() -> Records.type(new byte[] {9, 0}))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("unknown WAL record type 9 (cairn reads 1 = series and 2 = samples)");
    assertThatThrownBy(() -> Records.type(new byte[] {3}))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("tombstones");
    assertThatThrownBy(() -> Records.type(new byte[0]))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> Records.decodeSamples(new byte[] {(byte) 255}))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("unknown WAL record type 255");
    assertThat(Records.type(new byte[] {1})).isEqualTo(RecordType.SERIES);
    assertThat(Records.type(new byte[] {2})).isEqualTo(RecordType.SAMPLES);
  }

  @Test
  void decodingTheWrongTypeIsAnError() {
    byte[] series = Records.encodeSeries(List.of(new RefSeries(7, Labels.of("a", "b"))));
    assertThatThrownBy(() -> Records.decodeSamples(series))
        .isInstanceOf(RecordFormatException.class).hasMessage("expected a SAMPLES record, got SERIES");
  }

  @Test
  void truncatedAndMalformedRecordsNameTheByte() {
    byte[] series = Records.encodeSeries(List.of(new RefSeries(7, Labels.of("a", "b"))));
    for (int cut = 2; cut < series.length; cut++) {
      byte[] shorter = java.util.Arrays.copyOf(series, cut);
      assertThatThrownBy(() -> Records.decodeSeries(shorter)).isInstanceOf(RecordFormatException.class)
          .hasMessageContaining("at byte");
    }
    // label count larger than the record could hold: refused before allocating
    assertThatThrownBy(() -> Records.decodeSeries(unhex("010000000000000001ffffffff0f")))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("label count 4294967295");
    // an 11-byte varint overflows
    assertThatThrownBy(() -> Records.decodeSamples(unhex("02" + "00".repeat(16) + "ffffffffffffffffffff01")))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("overflows");
    // a duplicated label name, an empty value, invalid UTF-8
    assertThatThrownBy(() -> Records.decodeSeries(unhex("010000000000000001" + "02" + "0161" + "0162" + "0161" + "0163")))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("label a appears twice");
    assertThatThrownBy(() -> Records.decodeSeries(unhex("010000000000000001" + "01" + "0161" + "00")))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("label a's value is empty");
    assertThatThrownBy(() -> Records.decodeSeries(unhex("010000000000000001" + "01" + "0161" + "01ff")))
        .isInstanceOf(RecordFormatException.class).hasMessageContaining("not valid UTF-8");
  }

  @Test
  void samplesKeepNegativeDeltasExtremeValuesAndNanBits() {
    List<RefSample> samples = List.of(
        new RefSample(100, 5_000, Double.NaN),
        new RefSample(3, -9_000, Double.longBitsToDouble(0x7ff0000000000002L)),
        new RefSample(-1L, Long.MAX_VALUE, Double.NEGATIVE_INFINITY), // ref 2^64-1
        new RefSample(Long.MIN_VALUE, Long.MIN_VALUE, -0.0));
    assertThat(Records.decodeSamples(Records.encodeSamples(samples))).isEqualTo(samples);
  }

  @Test
  void unpairedSurrogatesCannotBeEncoded() {
    assertThatThrownBy(() -> Records.encodeSeries(List.of(new RefSeries(1, Labels.of("a", "x\ud800")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
  }
}
