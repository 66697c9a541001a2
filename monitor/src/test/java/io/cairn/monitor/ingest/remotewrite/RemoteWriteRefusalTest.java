package io.cairn.monitor.ingest.remotewrite;

import static io.cairn.monitor.ingest.remotewrite.Pb.label;
import static io.cairn.monitor.ingest.remotewrite.Pb.request;
import static io.cairn.monitor.ingest.remotewrite.Pb.sample;
import static io.cairn.monitor.ingest.remotewrite.Pb.series;
import static io.cairn.monitor.ingest.remotewrite.RemoteWriteCodecTest.UP_PROTO_HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.monitor.ingest.remotewrite.RemoteWriteException.Reason;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Bodies that must be refused, with the reason, the status and the text. */
class RemoteWriteRefusalTest {
  private final RemoteWriteCodec codec = new RemoteWriteCodec();

  private DecodedWrite decodeProto(Pb proto) throws RemoteWriteException {
    return codec.decode(HandSnappy.literalBlock(proto.build()));
  }

  private static String[] l(String... namesAndValues) {
    return namesAndValues;
  }

  @Test
  void corruptSnappyIsRefused() {
    assertBad("hello world".getBytes(), Reason.BAD_COMPRESSION, "snappy: corrupt input");
    assertBad(HandSnappy.block(100).literal(new byte[10]).build(), Reason.BAD_COMPRESSION, "snappy: corrupt input");
    assertBad(HandSnappy.block(10).raw(0x08 | 2, 50, 0).build(), Reason.BAD_COMPRESSION, "snappy: corrupt input");
    assertBad(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x1f}, Reason.BAD_COMPRESSION,
        "snappy: corrupt input");
    assertBad(new byte[] {(byte) 0x80}, Reason.BAD_COMPRESSION, "snappy: corrupt input");
  }

  @Test
  void theDeclaredLengthIsCheckedBeforeAllocating() {
    assertBad(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}, Reason.TOO_LARGE,
        "snappy: decoded length 4294967295 exceeds the limit of 33554432 bytes");
    RemoteWriteCodec small = new RemoteWriteCodec(new RemoteWriteLimits(100, 41, 10, 10));
    byte[] body = HexFormat.of().parseHex("2aa4" + UP_PROTO_HEX);
    assertThatThrownBy(() -> small.decode(body))
        .isInstanceOfSatisfying(RemoteWriteException.class, e -> assertThat(e.httpStatus()).isEqualTo(413))
        .hasMessage("snappy: decoded length 42 exceeds the limit of 41 bytes");
    RemoteWriteCodec tiny = new RemoteWriteCodec(new RemoteWriteLimits(43, 100, 10, 10));
    assertThatThrownBy(() -> tiny.decode(body)).hasMessage("body of 44 bytes exceeds the limit of 43 bytes");
  }

  @Test
  void seriesAndSampleLimits() {
    byte[] two = HandSnappy.literalBlock(request(
        series(l("__name__", "a"), sample(1, 1), sample(2, 2)), series(l("__name__", "b"), sample(1, 1))).build());
    assertThatThrownBy(() -> new RemoteWriteCodec(new RemoteWriteLimits(1000, 1000, 1, 10)).decode(two))
        .hasMessage("more than 1 series in one request");
    assertThatThrownBy(() -> new RemoteWriteCodec(new RemoteWriteLimits(1000, 1000, 10, 2)).decode(two))
        .isInstanceOfSatisfying(RemoteWriteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessage("more than 2 samples in one request");
  }

  @Test
  void malformedProtobufIsRefused() {
    byte[] proto = HexFormat.of().parseHex(UP_PROTO_HEX);
    for (int cut = 1; cut < proto.length; cut++) {
      byte[] body = HandSnappy.literalBlock(Arrays.copyOf(proto, cut));
      assertThatThrownBy(() -> codec.decode(body))
          .isInstanceOfSatisfying(RemoteWriteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PROTOBUF))
          .hasMessageStartingWith("proto: ");
    }
    assertBadProto(Pb.of().varint(1, 5), "proto: wrong wire type 0 for field WriteRequest.timeseries");
    assertBadProto(request(Pb.of().message(2, Pb.of().varint(1, 5))), "proto: wrong wire type 0 for field Sample.value");
    assertBadProto(request(Pb.of().message(1, Pb.of().varint(1, 5))), "proto: wrong wire type 0 for field Label.name");
    assertBadProto(Pb.of().tag(7, Pb.END_GROUP), null);
    assertBadProto(Pb.of().tag(7, Pb.START_GROUP).tag(8, Pb.END_GROUP), null);
    assertBadProto(Pb.of().raw(new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}), null);
    assertBadProto(Pb.of().raw(new byte[] {0x00}), null); // field number 0
    assertBadProto(Pb.of().raw(new byte[] {0x0e}), null); // wire type 6
  }

  @Test
  void deeplyNestedGroupsAreRefusedNotOverflowingTheStack() {
    Pb deep = Pb.of();
    for (int i = 0; i < 100_000; i++) {
      deep.tag(9, Pb.START_GROUP);
    }
    assertBadProto(deep, null);
    Pb inSeries = request(Pb.of().raw(deep.build()));
    assertBadProto(inSeries, null);
  }

  @Test
  void labelRulesOfTheSpecification() {
    assertInvalid(l("", "x", "__name__", "up"), "invalid series 0 {\"\"=\"x\", \"__name__\"=\"up\"}: empty label name");
    assertInvalid(l("__name__", "up", "a-b", "x"), "invalid series 0 {\"__name__\"=\"up\", \"a-b\"=\"x\"}: invalid label name \"a-b\"");
    assertInvalid(l("__name__", "up", "0a", "x"), "invalid series 0 {\"__name__\"=\"up\", \"0a\"=\"x\"}: invalid label name \"0a\"");
    assertInvalid(l("__name__", "up", "job", "a", "job", "b"),
        "invalid series 0 {\"__name__\"=\"up\", \"job\"=\"a\", \"job\"=\"b\"}: duplicate label name \"job\"");
    assertInvalid(l("job", "a", "__name__", "up"),
        "invalid series 0 {\"job\"=\"a\", \"__name__\"=\"up\"}: label names not sorted: \"__name__\" after \"job\"");
    assertInvalid(l("__name__", "1up"), "invalid series 0 {\"__name__\"=\"1up\"}: invalid metric name \"1up\"");
    assertInvalid(l("job", "x"), "invalid series 0 {\"job\"=\"x\"}: no __name__ label");
    assertInvalid(l("__name__", ""), "invalid series 0 {\"__name__\"=\"\"}: no __name__ label");
    assertInvalid(l(), "invalid series 0 {}: no __name__ label");
  }

  @Test
  void theFailingSeriesIsNamedByIndex() {
    Pb req = request(series(l("__name__", "ok")), series(l("__name__", "ok", "b", "1", "a", "2")));
    assertBadProtoReason(req, Reason.INVALID_SERIES,
        "invalid series 1 {\"__name__\"=\"ok\", \"b\"=\"1\", \"a\"=\"2\"}: label names not sorted: \"a\" after \"b\"");
  }

  @Test
  void labelValuesMustBeUtf8() {
    Pb bad = Pb.of().string(1, "job").bytes(2, new byte[] {'a', (byte) 0xff});
    Pb req = request(Pb.of().message(1, label("__name__", "up")).message(1, bad));
    assertBadProtoReason(req, Reason.INVALID_SERIES, "invalid label value for \"job\": not valid UTF-8");
  }

  @Test
  void messagesOfHugeSeriesAreShortened() {
    String big = "x".repeat(10_000);
    Pb req = request(series(l("__name__", "up", "a", big, "a", big)));
    assertThatThrownBy(() -> decodeProto(req))
        .isInstanceOf(RemoteWriteException.class)
        .hasMessageEndingWith("...}: duplicate label name \"a\"")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1200));
  }

  private void assertInvalid(String[] labels, String message) {
    assertBadProtoReason(request(series(labels, sample(1, 1))), Reason.INVALID_SERIES, message);
  }

  private void assertBadProto(Pb proto, String message) {
    assertBadProtoReason(proto, Reason.BAD_PROTOBUF, message);
  }

  private void assertBadProtoReason(Pb proto, Reason reason, String message) {
    byte[] body = HandSnappy.literalBlock(proto.build());
    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOfSatisfying(RemoteWriteException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.httpStatus()).isEqualTo(400);
          if (message != null) {
            assertThat(e.getMessage()).isEqualTo(message);
          }
        });
  }

  private void assertBad(byte[] body, Reason reason, String message) {
    assertThatThrownBy(() -> codec.decode(body))
        .isInstanceOfSatisfying(RemoteWriteException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }
}
