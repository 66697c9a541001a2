package io.cairn.monitor.ingest.remotewrite;

import static io.cairn.monitor.ingest.remotewrite.Pb.label;
import static io.cairn.monitor.ingest.remotewrite.Pb.request;
import static io.cairn.monitor.ingest.remotewrite.Pb.sample;
import static io.cairn.monitor.ingest.remotewrite.Pb.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.monitor.ingest.remotewrite.MetricMetadata.Type;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteException.Reason;
import io.cairn.tsdb.model.Labels;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class RemoteWriteCodecTest {
  /** {@code {__name__="up", job="x"} 1 @1000}, protobuf written out by hand. */
  static final String UP_PROTO_HEX =
      "0a28" + "0a0e0a085f5f6e616d655f5f12027570" + "0a080a036a6f62120178" + "120c09000000000000f03f10e807";

  private final RemoteWriteCodec codec = new RemoteWriteCodec();

  private static final TimeSeries UP =
      new TimeSeries(Labels.of("__name__", "up", "job", "x"), List.of(new Sample(1000, 1.0)));

  private DecodedWrite decodeProto(Pb proto) throws RemoteWriteException {
    return codec.decode(HandSnappy.literalBlock(proto.build()));
  }

  private static String[] l(String... namesAndValues) {
    return namesAndValues;
  }

  @Test
  void decodesAHandWrittenBody() throws Exception {
    byte[] proto = HexFormat.of().parseHex(UP_PROTO_HEX);
    byte[] body = HexFormat.of().parseHex("2aa4" + UP_PROTO_HEX);
    assertThat(body).isEqualTo(HandSnappy.literalBlock(proto));
    assertThat(request(series(l("__name__", "up", "job", "x"), sample(1.0, 1000))).build()).isEqualTo(proto);
    DecodedWrite d = codec.decode(body);
    assertThat(d.request()).isEqualTo(new WriteRequest(List.of(UP)));
    assertThat(d.skippedExemplars()).isZero();
    assertThat(d.skippedHistograms()).isZero();
  }

  @Test
  void decodesSnappyCopies() throws Exception {
    byte[] one = HexFormat.of().parseHex(UP_PROTO_HEX);
    byte[] body = HandSnappy.block(2 * one.length).literal(one).copy2(one.length, one.length).build();
    assertThat(codec.decode(body).request().timeseries()).containsExactly(UP, UP);
  }

  @Test
  void encodesWhatItDecodes() throws Exception {
    WriteRequest req =
        new WriteRequest(
            List.of(UP, new TimeSeries(Labels.of("__name__", "x:y", "a", "é\"\n"), List.of())),
            List.of(new MetricMetadata(Type.COUNTER, "x", "help", "seconds")));
    byte[] body = codec.encode(req);
    assertThat(Snappy.uncompress(body)).isEqualTo(RemoteWriteCodec.encodeProto(req));
    assertThat(codec.decode(body).request()).isEqualTo(req);
    assertThat(RemoteWriteCodec.encodeProto(new WriteRequest(List.of(UP))))
        .isEqualTo(HexFormat.of().parseHex(UP_PROTO_HEX));
  }

  @Test
  void specialValuesSurvive() throws Exception {
    double stale = Double.longBitsToDouble(0x7ff0000000000002L);
    List<Sample> samples =
        List.of(new Sample(0, stale), new Sample(-1, -0.0), new Sample(Long.MAX_VALUE, Double.POSITIVE_INFINITY),
            new Sample(Long.MIN_VALUE, 0.0), new Sample(1, Double.MIN_VALUE));
    WriteRequest req = new WriteRequest(List.of(new TimeSeries(Labels.of("__name__", "m"), samples)));
    List<Sample> back = codec.decode(codec.encode(req)).request().timeseries().getFirst().samples();
    assertThat(back).isEqualTo(samples);
    assertThat(Double.doubleToRawLongBits(back.getFirst().value())).isEqualTo(0x7ff0000000000002L);
    assertThat(Double.doubleToRawLongBits(back.get(1).value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void skipsUnknownFieldsAndCountsExemplarsAndHistograms() throws Exception {
    Pb ts =
        Pb.of()
            .varint(99, 7)
            .message(1, label("__name__", "up").string(3, "unknown in a label"))
            .message(3, Pb.of().message(1, label("trace_id", "abc")).doubleValue(2, 1))
            .message(1, label("job", "x"))
            .message(2, sample(1.0, 1000).fixed64(15, 3))
            .message(4, Pb.of().varint(1, 5))
            .message(4, Pb.of())
            .tag(20, Pb.START_GROUP).varint(1, 1).tag(20, Pb.END_GROUP);
    Pb req = Pb.of().string(2, "reserved field").message(1, ts).varint(1000, 1).message(5, Pb.of());
    DecodedWrite d = decodeProto(req);
    assertThat(d.request()).isEqualTo(new WriteRequest(List.of(UP)));
    assertThat(d.skippedExemplars()).isEqualTo(1);
    assertThat(d.skippedHistograms()).isEqualTo(2);
  }

  @Test
  void decodesMetadata() throws Exception {
    Pb md = Pb.of().varint(1, 2).string(2, "node_load1").string(4, "1m load average.").string(5, "");
    Pb odd = Pb.of().varint(1, 42);
    DecodedWrite d = decodeProto(Pb.of().message(3, md).message(3, odd));
    assertThat(d.request().metadata())
        .containsExactly(
            new MetricMetadata(Type.GAUGE, "node_load1", "1m load average.", ""),
            new MetricMetadata(Type.UNKNOWN, "", "", ""));
  }

  @Test
  void emptyLabelValuesAreAbsentLabels() throws Exception {
    DecodedWrite d = decodeProto(request(series(l("__name__", "up", "a", "", "job", "x"), sample(1.0, 1000))));
    assertThat(d.request().timeseries()).containsExactly(UP);
  }

  @Test
  void emptyBodies() throws Exception {
    assertThat(codec.decode(new byte[] {0}).request()).isEqualTo(new WriteRequest(List.of()));
    assertBad(new byte[0], Reason.BAD_COMPRESSION, "snappy: corrupt input");
    assertBad(new byte[] {0, 0}, Reason.BAD_COMPRESSION, "snappy: corrupt input");
  }

  private void assertBad(byte[] body, Reason reason, String message) {
    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOfSatisfying(RemoteWriteException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }
}
