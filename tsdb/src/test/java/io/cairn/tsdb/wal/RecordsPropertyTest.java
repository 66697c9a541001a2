package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class RecordsPropertyTest {
  @Property(tries = 300)
  void seriesRoundTrip(@ForAll("series") List<RefSeries> series) {
    assertThat(Records.decodeSeries(Records.encodeSeries(series))).isEqualTo(series);
  }

  @Property(tries = 300)
  void samplesRoundTrip(@ForAll("samples") List<RefSample> samples) {
    assertThat(Records.decodeSamples(Records.encodeSamples(samples))).isEqualTo(samples);
  }

  /** Garbage never escapes as anything but RecordFormatException (or decodes). */
  @Property(tries = 2000)
  void garbageIsRefusedCleanly(@ForAll @Size(max = 200) byte[] garbage, @ForAll boolean asSeries) {
    byte[] rec = garbage.clone();
    if (rec.length > 0) {
      rec[0] = (byte) (asSeries ? 1 : 2);
    }
    try {
      if (asSeries) {
        Records.decodeSeries(rec);
      } else {
        Records.decodeSamples(rec);
      }
    } catch (RecordFormatException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<List<RefSeries>> series() {
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(20)
        .filter(s -> s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff));
    Arbitrary<Labels> labels = Arbitraries.maps(text, text).ofMaxSize(8).map(Map::copyOf).map(Labels::from);
    return Combinators.combine(Arbitraries.longs(), labels).as(RefSeries::new).list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<List<RefSample>> samples() {
    Arbitrary<Double> values = Arbitraries.oneOf(
        Arbitraries.doubles(), Arbitraries.longs().map(Double::longBitsToDouble),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0));
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), values).as(RefSample::new)
        .list().ofMaxSize(50);
  }
}
