package io.cairn.monitor.ingest.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineProtocolDecoderTest {
  private static final long NOW = 1_700_000_000_123L;
  private final LineProtocolDecoder decoder = new LineProtocolDecoder();

  private ParseResult decode(String body) throws LineProtocolException {
    return decode(body, Precision.NANOSECONDS);
  }

  private ParseResult decode(String body, Precision p) throws LineProtocolException {
    return decoder.decode(body.getBytes(StandardCharsets.UTF_8), p, NOW);
  }

  private static SeriesSample sample(long ts, double v, String... labels) {
    return new SeriesSample(Labels.of(labels), ts, v);
  }

  @Test
  void eachNumericFieldIsASeries() throws Exception {
    ParseResult r =
        decode("cpu,host=a,region=eu usage_idle=1.5,count=3i,big=7u,up=t,down=F,name=\"x\" 1700000000000000000");
    assertThat(r.samples())
        .containsExactly(
            sample(1_700_000_000_000L, 1.5, "__name__", "cpu_usage_idle", "host", "a", "region", "eu"),
            sample(1_700_000_000_000L, 3, "__name__", "cpu_count", "host", "a", "region", "eu"),
            sample(1_700_000_000_000L, 7, "__name__", "cpu_big", "host", "a", "region", "eu"),
            sample(1_700_000_000_000L, 1, "__name__", "cpu_up", "host", "a", "region", "eu"),
            sample(1_700_000_000_000L, 0, "__name__", "cpu_down", "host", "a", "region", "eu"));
    assertThat(r.points()).isEqualTo(1);
    assertThat(r.stringFieldsDropped()).isEqualTo(1);
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void aFieldNamedValueKeepsItsName() throws Exception {
    assertThat(decode("temp value=21.5 0").samples())
        .containsExactly(sample(0, 21.5, "__name__", "temp_value"));
  }

  @Test
  void namesAreSanitisedTagValuesAreNot() throws Exception {
    ParseResult r =
        decode("http.requests,status-code=200,host:name=x,ville=Zürich\\ Nord req/s=1,1min=2 0");
    Labels tags = Labels.of("status_code", "200", "host_name", "x", "ville", "Zürich Nord");
    assertThat(r.samples())
        .containsExactly(
            new SeriesSample(tags.toBuilder().set("__name__", "http_requests_req_s").build(), 0, 1),
            new SeriesSample(tags.toBuilder().set("__name__", "http_requests_1min").build(), 0, 2));
    assertThat(decode("1m:x,0k=v f=1 0").samples())
        .containsExactly(sample(0, 1, "__name__", "_m:x_f", "_k", "v"));
    assertThat(decode("température v=1 0").samples())
        .containsExactly(sample(0, 1, "__name__", "temp_rature_v"));
    assertThat(decode("m\uD83D\uDE00 v=1 0").samples()) // one character outside the BMP, one _
        .containsExactly(sample(0, 1, "__name__", "m__v"));
  }

  @Test
  void tagsThatCollideAfterSanitisingRejectTheLine() throws Exception {
    ParseResult r = decode("m,a-b=1,a.b=2 f=1\nm,__name__=x f=1\nm,ok=1 f=1 0");
    assertThat(r.samples()).containsExactly(sample(0, 1, "__name__", "m_f", "ok", "1"));
    assertThat(r.errors())
        .containsExactly(
            new LineError(1, "m,a-b=1,a.b=2 f=1", "tag keys \"a-b\" and \"a.b\" both map to label name \"a_b\""),
            new LineError(2, "m,__name__=x f=1", "tag key \"__name__\" is reserved for the metric name"));
  }

  @Test
  void timestampsBecomeMillisecondsInThePrecision() throws Exception {
    assertThat(decode("m f=1 1700000000123456789").samples().getFirst().timestampMs())
        .isEqualTo(1_700_000_000_123L);
    assertThat(decode("m f=1 -1").samples().getFirst().timestampMs()).isEqualTo(-1); // rounded down
    assertThat(decode("m f=1 1700000000123456", Precision.MICROSECONDS).samples().getFirst().timestampMs())
        .isEqualTo(1_700_000_000_123L);
    assertThat(decode("m f=1 1700000000123", Precision.MILLISECONDS).samples().getFirst().timestampMs())
        .isEqualTo(1_700_000_000_123L);
    assertThat(decode("m f=1 1700000000", Precision.SECONDS).samples().getFirst().timestampMs())
        .isEqualTo(1_700_000_000_000L);
    assertThat(decode("m f=1 2", Precision.MINUTES).samples().getFirst().timestampMs()).isEqualTo(120_000);
    assertThat(decode("m f=1 2", Precision.HOURS).samples().getFirst().timestampMs()).isEqualTo(7_200_000);
  }

  @Test
  void timesOutsideInfluxDbsRangeRejectTheLine() throws Exception {
    String reason = "time outside range -9223372036854775806 - 9223372036854775806";
    assertThat(decode("m f=1 9223372036854775807").errors().getFirst().reason()).isEqualTo(reason);
    assertThat(decode("m f=1 -9223372036854775807").errors().getFirst().reason()).isEqualTo(reason);
    assertThat(decode("m f=1 9223372036854775806").samples()).hasSize(1);
    assertThat(decode("m f=1 2562048", Precision.HOURS).errors().getFirst().reason()).isEqualTo(reason);
    assertThat(decode("m f=1 9223372036854776", Precision.MILLISECONDS).errors().getFirst().reason())
        .isEqualTo(reason);
  }

  @Test
  void linesWithoutTimestampTakeNowTruncatedToThePrecision() throws Exception {
    assertThat(decode("m f=1").samples().getFirst().timestampMs()).isEqualTo(NOW);
    assertThat(decode("m f=1", Precision.MICROSECONDS).samples().getFirst().timestampMs()).isEqualTo(NOW);
    assertThat(decode("m f=1", Precision.SECONDS).samples().getFirst().timestampMs())
        .isEqualTo(1_700_000_000_000L);
    assertThat(decode("m f=1", Precision.HOURS).samples().getFirst().timestampMs())
        .isEqualTo(NOW / 3_600_000 * 3_600_000);
  }

  @Test
  void commentsBlankLinesLeadingBlanksAndCrlfAreSkipped() throws Exception {
    ParseResult r = decode("# comment\n\n  \t\n\tcpu f=1 0\r\n  # another \"quote\r\nmem f=2 0\n\n");
    assertThat(r.samples())
        .containsExactly(sample(0, 1, "__name__", "cpu_f"), sample(0, 2, "__name__", "mem_f"));
    assertThat(r.hasErrors()).isFalse();
    assertThat(decode("").points()).isZero();
    assertThat(decode("# only a comment").points()).isZero();
  }

  @Test
  void stringValuesMaySpanLines() throws Exception {
    ParseResult r = decode("m s=\"one\ntwo\",f=1 0\nbad\nm2 f=2 0");
    assertThat(r.samples())
        .containsExactly(sample(0, 1, "__name__", "m_f"), sample(0, 2, "__name__", "m2_f"));
    assertThat(r.errors()).containsExactly(new LineError(3, "bad", "missing fields"));
  }

  @Test
  void badLinesAreReportedGoodLinesKept() throws Exception {
    ParseResult r = decode("cpu f=1 0\nbad line\n  mem f=2 0\nx f=\"open\n");
    assertThat(r.samples())
        .containsExactly(sample(0, 1, "__name__", "cpu_f"), sample(0, 2, "__name__", "mem_f"));
    assertThat(r.points()).isEqualTo(2);
    assertThat(r.failedLines()).isEqualTo(2);
    assertThat(r.errors())
        .containsExactly(
            new LineError(2, "bad line", "invalid field format"),
            new LineError(4, "x f=\"open", "unbalanced quotes"));
  }

  @Test
  void aLineOfOnlyStringFieldsIsAcceptedAndYieldsNothing() throws Exception {
    ParseResult r = decode("log msg=\"hello\" 0");
    assertThat(r.samples()).isEmpty();
    assertThat(r.points()).isEqualTo(1);
    assertThat(r.stringFieldsDropped()).isEqualTo(1);
  }

  @Test
  void aBodyOverTheLimitIsRefused() {
    LineProtocolDecoder small = new LineProtocolDecoder(new LineProtocolLimits(10, 10, 10, 10));
    byte[] body = "cpu f=1 0\nm".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> small.decode(body, Precision.NANOSECONDS, 0))
        .isInstanceOf(LineProtocolException.class)
        .hasMessage("body of 11 bytes exceeds the limit of 10 bytes");
  }

  @Test
  void aLineOverTheLimitIsRejected() throws Exception {
    LineProtocolDecoder small = new LineProtocolDecoder(new LineProtocolLimits(1000, 12, 10, 10));
    ParseResult r =
        small.decode("cpu f=1 0\ncpu f=1,g=2 0\nmem f=1\n".getBytes(StandardCharsets.UTF_8), Precision.NANOSECONDS, 0);
    assertThat(r.points()).isEqualTo(2);
    assertThat(r.errors())
        .containsExactly(new LineError(2, "cpu f=1,g=2 0", "line of 13 bytes exceeds the limit of 12 bytes"));
  }

  @Test
  void tooManySamplesRefuseTheBody() {
    LineProtocolDecoder small = new LineProtocolDecoder(new LineProtocolLimits(1000, 100, 3, 10));
    byte[] body = "a f=1,g=2\nb f=1,g=2\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> small.decode(body, Precision.NANOSECONDS, 0))
        .isInstanceOf(LineProtocolException.class)
        .hasMessage("body yields more than 3 samples");
  }

  @Test
  void onlyTheFirstErrorsAreKeptAllAreCounted() throws Exception {
    LineProtocolDecoder small = new LineProtocolDecoder(new LineProtocolLimits(1000, 100, 10, 2));
    ParseResult r = small.decode("a\nb\nc\nd f=1\n".getBytes(StandardCharsets.UTF_8), Precision.NANOSECONDS, 0);
    assertThat(r.errors()).extracting(LineError::line).containsExactly("a", "b");
    assertThat(r.failedLines()).isEqualTo(3);
    assertThat(r.points()).isEqualTo(1);
  }

  @Test
  void longLinesAreQuotedShortened() throws Exception {
    String longLine = "m " + "x".repeat(2000);
    LineError e = decode(longLine).errors().getFirst();
    assertThat(e.line()).hasSize(1024 + 3).startsWith("m xxx").endsWith("x...");
    assertThat(e.reason()).isEqualTo("invalid field format");
  }

  @Test
  void aPrefixOfABufferCanBeDecoded() throws Exception {
    byte[] buf = "cpu f=1 0\ngarbage".getBytes(StandardCharsets.UTF_8);
    ParseResult r = decoder.decode(buf, 9, Precision.NANOSECONDS, 0);
    assertThat(r.samples()).containsExactly(sample(0, 1, "__name__", "cpu_f"));
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void samplesKeepBodyOrder() throws Exception {
    List<SeriesSample> s = decode("b f=1 0\na f=2 0\nb f=3 1").samples();
    assertThat(s).extracting(SeriesSample::value).containsExactly(1.0, 2.0, 3.0);
  }
}
