package io.cairn.monitor.ingest.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.ingest.remotewrite.MetricMetadata.Type;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Label;
import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Any valid request survives encode then decode unchanged, samples bit for bit. */
class RemoteWriteRoundTripTest {
  private static final RemoteWriteCodec CODEC = new RemoteWriteCodec();

  /** Names after Prometheus's rules; {@code colon} allows the metric name's colons. */
  private static Arbitrary<String> name(boolean colon) {
    String letters = "abcxyzABCXYZ_" + (colon ? ":" : "");
    Arbitrary<String> first = Arbitraries.strings().withChars(letters.toCharArray()).ofLength(1);
    Arbitrary<String> rest = Arbitraries.strings().withChars((letters + "0189").toCharArray()).ofMaxLength(12);
    return Combinators.combine(first, rest).as(String::concat);
  }

  /** Any Unicode text without unpaired surrogates, supplementary characters included. */
  private static Arbitrary<String> text(int minLength) {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(2, Arbitraries.integers().between(0, 0xd7ff)),
            Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
    return codePoint.list().ofMinSize(minLength).ofMaxSize(10)
        .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
  }

  private static Arbitrary<Sample> samples() {
    Arbitrary<Double> special =
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff0000000000002L),
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE);
    Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles(), special,
        Arbitraries.longs().map(Double::longBitsToDouble));
    return Combinators.combine(Arbitraries.longs(), value).as(Sample::new);
  }

  private static Arbitrary<TimeSeries> series() {
    Arbitrary<Labels> labels =
        Combinators.combine(
                name(true),
                Arbitraries.maps(name(false).filter(n -> !n.startsWith("__")), text(1)).ofMaxSize(6))
            .as((metric, others) -> Labels.from(others).toBuilder().set(Labels.METRIC_NAME, metric).build());
    return Combinators.combine(labels, samples().list().ofMaxSize(8)).as(TimeSeries::new);
  }

  private static Arbitrary<MetricMetadata> metadata() {
    return Combinators.combine(Arbitraries.of(Type.class), text(0), text(0), text(0)).as(MetricMetadata::new);
  }

  @Provide
  Arbitrary<WriteRequest> requests() {
    return Combinators.combine(series().list().ofMaxSize(12), metadata().list().ofMaxSize(3))
        .as(WriteRequest::new);
  }

  @Property(tries = 500)
  void encodeThenDecodeIsIdentity(@ForAll("requests") WriteRequest req) throws Exception {
    DecodedWrite d = CODEC.decode(CODEC.encode(req));
    assertThat(d.request()).isEqualTo(req);
    assertThat(d.skippedExemplars()).isZero();
    assertThat(d.skippedHistograms()).isZero();
    for (int i = 0; i < req.timeseries().size(); i++) {
      var sent = req.timeseries().get(i).samples();
      var got = d.request().timeseries().get(i).samples();
      for (int j = 0; j < sent.size(); j++) {
        assertThat(Double.doubleToRawLongBits(got.get(j).value()))
            .isEqualTo(Double.doubleToRawLongBits(sent.get(j).value()));
      }
    }
  }

  @Property(tries = 100)
  void labelsComeBackSorted(@ForAll("requests") WriteRequest req) throws Exception {
    byte[] proto = RemoteWriteCodec.encodeProto(req);
    assertThat(CODEC.decodeProto(proto).request().timeseries())
        .allSatisfy(ts -> assertThat(ts.labels().asList()).isSortedAccordingTo(
            Comparator.comparing(Label::name)));
  }
}
